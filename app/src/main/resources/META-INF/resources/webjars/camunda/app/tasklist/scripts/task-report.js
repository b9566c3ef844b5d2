// 诊改平台: a tab beside the school cycle's and the majors' tasks, 诊断报告, with the unit's self-diagnosis report of
// the task's year, or the major's yearly self-diagnosis report or its 考核性诊断 report of the period (Word, from the
// data as it is now), and the 报告 page of that year; beside the annual quality report's tasks, the year's draft, the
// version submitted for approval and the 报告 page where 质管办 uploads the edited report. The reports' own API
// decides who may read them: the unit's people (a major's leaders and its 二级学院's heads), 质管办 and the leading group.
const ENGINE = '/camunda/api/engine/engine/default';
const SCHOOL_CYCLE = 'school-annual-cycle';
const MAJOR_YEAR = 'major-annual-diagnosis';
const MAJOR_ASSESSMENT = 'major-assessment';
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
      read(`/task/${taskId}/form-variables?variableNames=year,unit,unitName,period,major,majorName,submittedVersion`)])
      .then(([task, variables]) => {
        const value = name => variables && variables[name] && variables[name].value;
        const model = ((task && task.processDefinitionId) || '').split(':')[0];
        const year = value('year');
        const major = value('major');
        if (year && model === ANNUAL_REPORT) {
          node.appendChild(link(`/api/reports/${year}/annual/draft`, `下载 ${year} 年度质量年报草稿（Word）`));
          const submitted = task.taskDefinitionKey === 'Task_ApproveAnnualReport' && value('submittedVersion');
          if (submitted) {
            node.appendChild(link(`/api/reports/annual/versions/${submitted}`, '下载提交审批的质量年报（Word）'));
          }
          node.appendChild(link(`/reports?year=${year}`, `${year} 年度报告页（上传编辑后的质量年报、查看各版本）`));
          return;
        }
        if (major && (model === MAJOR_YEAR && year || model === MAJOR_ASSESSMENT && value('period'))) {
          const name = value('majorName') || major;
          const period = model === MAJOR_YEAR ? String(year) : value('period');
          const title = model === MAJOR_YEAR ? `${year} 年度专业自我诊断报告` : `${period.replace('-', '—')} 年专业考核性诊断报告`;
          node.appendChild(link(`/api/reports/${encodeURIComponent(period)}/majors/${encodeURIComponent(major)}`,
            `下载${name} ${title}（Word）`));
          const shown = year || String(task.created || '').substring(0, 4);
          node.appendChild(link(`/reports?year=${shown}`, `${shown} 年度的全部报告`));
          return;
        }
        if (model !== SCHOOL_CYCLE || !year) {
          const none = document.createElement('p');
          none.textContent = '此任务没有相关的诊断报告。';
          node.appendChild(none);
          return;
        }
        const unit = value('unit');
        if (unit) {
          const name = value('unitName') || unit;
          node.appendChild(link(`/api/reports/${year}/units/${encodeURIComponent(unit)}`,
            `下载${name} ${year} 年度自我诊断报告（Word）`));
        }
        node.appendChild(link(`/reports?year=${year}`, `${year} 年度的全部报告`));
      });
  }
};
