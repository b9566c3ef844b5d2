// Each of the product's rules refuses a model crafted to break it, and the shipped models pass them all.
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = require('bpmn-moddle');

const models = path.join(__dirname, '..', '..', 'src', 'main', 'resources', 'processes');
const config = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.bpmnlintrc'), 'utf8'));

async function lint(xml) {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const linter = new Linter({ config, resolver: new NodeResolver() });
  return linter.lint(rootElement);
}

function errorsOf(results, rule) {
  return (results[rule] || []).filter((report) => report.category === 'error').map((report) => report.id);
}

const shipped = fs.readdirSync(models).filter((file) => file.endsWith('.bpmn'));
const annualWorkPlan = fs.readFileSync(path.join(models, 'annual-work-plan.bpmn'), 'utf8');

test('every shipped model passes every rule', async () => {
  for (const file of shipped) {
    const results = await lint(fs.readFileSync(path.join(models, file), 'utf8'));
    const problems = Object.entries(results).flatMap(([rule, reports]) => reports.map((r) => `${rule} ${r.id} ${r.message}`));
    assert.deepStrictEqual(problems, [], file);
  }
});

test('a generated id is refused', async () => {
  const results = await lint(annualWorkPlan.replaceAll('Task_ReviewWorkPlan', 'Activity_0x3k9fa'));
  assert.deepStrictEqual(errorsOf(results, 'zhengai/meaningful-ids'), ['Activity_0x3k9fa']);
  const numbered = await lint(annualWorkPlan.replaceAll('Task_ReviewWorkPlan', 'UserTask_1'));
  assert.deepStrictEqual(errorsOf(numbered, 'zhengai/meaningful-ids'), ['UserTask_1']);
});

test('a user task without candidate groups is refused', async () => {
  const results = await lint(annualWorkPlan.replace(' camunda:candidateGroups="yb"', ''));
  assert.deepStrictEqual(errorsOf(results, 'zhengai/user-task-candidate-groups'), ['Task_ReviewWorkPlan']);
});

test('a user task for a person chosen at run time passes; one for a fixed person is refused', async () => {
  const toExpert = annualWorkPlan.replace(' camunda:candidateGroups="yb"', ' camunda:assignee="${expert}"');
  assert.deepStrictEqual(errorsOf(await lint(toExpert), 'zhengai/user-task-candidate-groups'), []);
  const toPerson = annualWorkPlan.replace(' camunda:candidateGroups="yb"', ' camunda:assignee="liming"');
  assert.deepStrictEqual(errorsOf(await lint(toPerson), 'zhengai/user-task-candidate-groups'), ['Task_ReviewWorkPlan']);
});

test('a user task without a form is refused', async () => {
  const results = await lint(annualWorkPlan.replace(' camunda:formKey="camunda-forms:deployment:annual-work-plan-review.form"', ''));
  assert.deepStrictEqual(errorsOf(results, 'zhengai/user-task-form'), ['Task_ReviewWorkPlan']);
});

test('a process without a history time to live is refused', async () => {
  const results = await lint(annualWorkPlan.replace(' camunda:historyTimeToLive="3650"', ''));
  assert.deepStrictEqual(errorsOf(results, 'zhengai/history-time-to-live'), ['annual-work-plan']);
});

test('a file saved by Flowable Modeler is judged alike', async () => {
  const flowable = annualWorkPlan.replace('xmlns:camunda="http://camunda.org/schema/1.0/bpmn"', 'xmlns:flowable="http://flowable.org/bpmn"')
    .replaceAll('camunda:', 'flowable:');
  assert.deepStrictEqual(errorsOf(await lint(flowable), 'zhengai/user-task-candidate-groups'), []);
});
