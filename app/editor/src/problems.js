// The upload check's problems on the diagram: each element named by a problem gets a red outline and a badge;
// clicking the badge shows the Chinese reason.
const MARKER = 'zhengai-problem';
const OVERLAY = 'zhengai-problem';

let marked = [];

export function clearProblems(modeler) {
  const canvas = modeler.get('canvas');
  const elementRegistry = modeler.get('elementRegistry');
  marked.filter(id => elementRegistry.get(id)).forEach(id => canvas.removeMarker(id, MARKER));
  modeler.get('overlays').remove({ type: OVERLAY });
  marked = [];
}

export function showProblems(modeler, problems) {
  clearProblems(modeler);
  const elementRegistry = modeler.get('elementRegistry');
  const byElement = new Map();
  for (const problem of problems) {
    if (problem.elementId && elementRegistry.get(problem.elementId)) {
      byElement.set(problem.elementId, [ ...(byElement.get(problem.elementId) || []), problem.message ]);
    }
  }
  for (const [ elementId, messages ] of byElement) {
    modeler.get('canvas').addMarker(elementId, MARKER);
    modeler.get('overlays').add(elementId, OVERLAY, {
      position: { top: -12, right: 12 },
      html: badge(elementId, messages)
    });
    marked.push(elementId);
  }
}

function badge(elementId, messages) {
  const wrapper = document.createElement('div');
  wrapper.className = 'problem-badge';
  wrapper.dataset.elementId = elementId;
  const button = document.createElement('button');
  button.type = 'button';
  button.title = '查看问题';
  button.textContent = messages.length > 1 ? `!${messages.length}` : '!';
  const details = document.createElement('ul');
  details.className = 'problem-details';
  details.hidden = true;
  for (const message of messages) {
    const item = document.createElement('li');
    item.textContent = message;
    details.append(item);
  }
  button.addEventListener('click', event => {
    event.stopPropagation();
    details.hidden = !details.hidden;
  });
  wrapper.append(button, details);
  return wrapper;
}
