/** An element with text content and optional class. */
export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

/** A button that runs an action when clicked, without the click reaching the grid's row. */
export function button(text, className, action) {
  const node = element('button', text, className);
  node.type = 'button';
  node.addEventListener('click', event => {
    event.stopPropagation();
    action();
  });
  return node;
}

/** A date and time in the college's zone, as staff read it. */
export function moment(isoInstant) {
  return new Date(isoInstant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
