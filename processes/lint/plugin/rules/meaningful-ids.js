const { isAny } = require('bpmnlint-utils');

// Ids say what an element is: Task_SubmitWorkPlan, Gateway_PlanApproved, Timer_PlanReminder.
// Generated ids such as UserTask_1, Activity_0x3k9fa or Gateway_1abc2de are refused.
const SHAPE = /^(Start|End|Task|Gateway|Timer|Flow|SubProcess|Event|Message|Signal|Error|Escalation|Boundary|Call)_[A-Z][A-Za-z0-9]+$/;
const GENERATED = /_([0-9][0-9a-z]{6}|[0-9]+|[0-9a-z]{7})$/;

module.exports = function() {
  function check(node, reporter) {
    if (!isAny(node, ['bpmn:FlowNode', 'bpmn:SequenceFlow'])) {
      return;
    }
    if (!SHAPE.test(node.id) || GENERATED.test(node.id)) {
      reporter.report(node.id, 'Id should name what the element is, e.g. Task_SubmitWorkPlan (元素 id 应有含义)');
    }
  }
  return { check };
};
