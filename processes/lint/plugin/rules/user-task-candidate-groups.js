const { is } = require('bpmnlint-utils');
const extensionAttribute = require('./extension');

// Human tasks go to real organisational units or roles, never to a hard-coded person.
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:UserTask') && !extensionAttribute(node, 'candidateGroups')) {
      reporter.report(node.id, 'User task has no candidate groups (用户任务缺少候选组)');
    }
  }
  return { check };
};
