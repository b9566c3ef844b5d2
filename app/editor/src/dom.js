/** A titled list in the report beside the diagram. */
export function section(title, items, kind) {
  const wrapper = document.createElement('section');
  wrapper.className = kind;
  const heading = document.createElement('h3');
  heading.textContent = title;
  const list = document.createElement('ul');
  list.append(...items);
  wrapper.append(heading, list);
  return wrapper;
}

export function textItem(text, tag = 'li') {
  const item = document.createElement(tag);
  item.textContent = text;
  return item;
}
