const { is } = require('bpmnlint-utils');
const extensionAttribute = require('./extension');

// History is kept for audit and cleaned after its time to live; the engine refuses models without one.
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && node.isExecutable && !extensionAttribute(node, 'historyTimeToLive')) {
      reporter.report(node.id, 'Process has no history time to live (流程缺少历史保留时间)');
    }
  }
  return { check };
};
