// 诊改平台: people's names read as Chinese write them, 王芳. The product keeps 姓 in Camunda's firstName and 名 in
// lastName, and the webapps always show "firstName lastName" (header, assignee, Welcome, Admin), i.e. 王 芳. Chinese
// puts no space between two Han characters and no translation or product name has one, so the space a webapp puts
// between 姓 and 名 at the end of a text is taken out.
const NAME_AT_END = /(^|\s)(\p{Script=Han}{1,2}) (\p{Script=Han}{1,3})(\s*)$/u;
// what people type stays as they typed it
const UNTOUCHED = 'script, style, textarea, input, [contenteditable]';

function joinName(text) {
  return text.replace(NAME_AT_END, '$1$2$3$4');
}

function joinNamesIn(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (node.parentElement && node.parentElement.closest(UNTOUCHED)) {
      return;
    }
    const joined = joinName(node.data);
    if (joined !== node.data) {
      node.data = joined;
    }
  } else if (node.nodeType === Node.ELEMENT_NODE && !node.matches(UNTOUCHED)) {
    node.childNodes.forEach(joinNamesIn);
  }
}

new MutationObserver((mutations) => {
  mutations.forEach((mutation) => {
    if (mutation.type === 'characterData') {
      joinNamesIn(mutation.target);
    } else {
      mutation.addedNodes.forEach(joinNamesIn);
    }
  });
}).observe(document.documentElement, { childList: true, characterData: true, subtree: true });
joinNamesIn(document.documentElement);
