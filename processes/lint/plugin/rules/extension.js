// Extension attributes are kept by bpmn-moddle under their qualified name ("camunda:formKey");
// any prefix is accepted, so that files saved by Flowable Modeler are judged alike.
module.exports = function extensionAttribute(node, localName) {
  const attributes = node.$attrs || {};
  const key = Object.keys(attributes).find((name) => name === localName || name.endsWith(':' + localName));
  return key ? String(attributes[key]).trim() : '';
};
