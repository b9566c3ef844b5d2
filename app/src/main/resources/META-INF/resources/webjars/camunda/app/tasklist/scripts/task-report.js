// 诊改平台: a tab beside the school cycle's tasks, 诊断报告, with the unit's self-diagnosis report of the task's year
// (Word, from the data as it is now) and the 报告 page of that year; beside the annual quality report's tasks, the
// year's draft, the version submitted for approval and the 报告 page where 质管办 uploads the edited report. The
// reports' own API decides who may read them: the unit's people, 质管办 and the leading group.
const ENGINE = '/camunda/api/engine/engine/default';
const SCHOOL_CYCLE = 'school-annual-cycle';
const ANNUAL_REPORT = 'annual-quality-report';

async function read(path) {
  const response = await fetch(ENGINE + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  return response.ok ? response.json() : null;
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.className = 'zhengai-report-link';
  const line = document.createElement('p');
  line.appendChild(a);
  return line;
}

export default {
  id: 'zhengai.task-report',
  pluginPoint: 'tasklist.task.detail',
  // after 相关数据 (900), before the history (800)
  priority: 850,
  properties: { label: '诊断报告' },
  render: (node, { taskId }) => {
    node.replaceChildren();
    Promise.all([read(`/task/${taskId}`),
      read(`/task/${taskId}/form-variables?variableNames=year,unit,unitName,submittedVersion`)])
      .then(([task, variables]) => {
        const year = variables && variables.year && variables.year.value;
        const definition = (task && task.processDefinitionId) || '';
        if (year && definition.startsWith(ANNUAL_REPORT + ':')) {
          node.appendChild(link(`/api/reports/${year}/annual/draft`, `下载 ${year} 年度质量年报草稿（Word）`));
          const submitted = task.taskDefinitionKey === 'Task_ApproveAnnualReport'
            && variables.submittedVersion && variables.submittedVersion.value;
          if (submitted) {
            node.appendChild(link(`/api/reports/annual/versions/${submitted}`, '下载提交审批的质量年报（Word）'));
          }
          node.appendChild(link(`/reports?year=${year}`, `${year} 年度报告页（上传编辑后的质量年报、查看各版本）`));
          return;
        }
        if (!task || !definition.startsWith(SCHOOL_CYCLE + ':') || !year) {
          const none = document.createElement('p');
          none.textContent = '此任务没有相关的诊断报告。';
          node.appendChild(none);
          return;
        }
        const unit = variables.unit && variables.unit.value;
        if (unit) {
          const name = (variables.unitName && variables.unitName.value) || unit;
          node.appendChild(link(`/api/reports/${year}/units/${encodeURIComponent(unit)}`,
            `下载${name} ${year} 年度自我诊断报告（Word）`));
        }
        node.appendChild(link(`/reports?year=${year}`, `${year} 年度的全部报告`));
      });
  }
};
