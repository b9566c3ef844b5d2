const { is } = require('bpmnlint-utils');
const extensionAttribute = require('./extension');

// Human tasks go to real organisational units or roles, never to a hard-coded person. A person chosen while the
// process runs (an assignee given by an expression, e.g. each expert of a panel) is allowed.
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask') || extensionAttribute(node, 'candidateGroups')) {
      return;
    }
    const assignee = extensionAttribute(node, 'assignee');
    if (!assignee) {
      reporter.report(node.id, 'User task has no candidate groups (用户任务缺少候选组)');
    } else if (!/^\$\{.+\}$/.test(assignee.trim())) {
      reporter.report(node.id, 'User task is assigned to a fixed person (用户任务不得指定固定的办理人，请使用候选组或表达式)');
    }
  }
  return { check };
};
