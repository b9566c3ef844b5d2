const { is } = require('bpmnlint-utils');
const extensionAttribute = require('./extension');

// Every user task is worked through a Camunda Form.
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:UserTask') && !extensionAttribute(node, 'formKey')) {
      reporter.report(node.id, 'User task has no form (用户任务缺少表单 formKey)');
    }
  }
  return { check };
};
