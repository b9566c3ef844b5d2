// 数据监测: the monitors' warnings, each with its control chart, and their Pareto for 质管办, through /api/monitors.

async function showWarnings() {
  const warnings = await get(`/api/monitors/warnings${$('state').value ? `?state=${$('state').value}` : ''}`);
  $('warnings').replaceChildren(...warnings.map((warning) => {
    const tr = document.createElement('tr');
    tr.className = warning.state;
    [warning.indicatorName, warning.subjectName, warning.ruleLabel,
      warning.points.map((point) => `${point.period}：${point.value}`).join('；'), warning.ownerName, moment(warning.raisedAt),
      warning.stateLabel + (warning.closedAt ? `（${moment(warning.closedAt)}）` : '')].forEach((text) => {
      tr.insertCell().textContent = text;
    });
    const link = document.createElement('a');
    link.href = warning.chartLink;
    link.textContent = '查看控制图';
    tr.insertCell().appendChild(link);
    return tr;
  }));
  say(warnings.length ? `共 ${warnings.length} 条预警` : '没有符合条件的预警');
}

function pareto(element, data) {
  const chart = echarts.init(element);
  chart.setOption({
    title: { text: `按${data.by}（共 ${data.total} 条）`, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { data: ['预警数', '累计百分比'], right: 0 },
    grid: { bottom: 90 },
    xAxis: { type: 'category', data: data.bars.map((bar) => bar.name), axisLabel: { rotate: 30, interval: 0 } },
    yAxis: [{ type: 'value', name: '预警数', minInterval: 1 }, { type: 'value', name: '累计%', min: 0, max: 100 }],
    series: [
      { name: '预警数', type: 'bar', data: data.bars.map((bar) => bar.count), itemStyle: { color: '#1f6fb2' } },
      { name: '累计百分比', type: 'line', yAxisIndex: 1, data: data.bars.map((bar) => bar.cumulativePercent),
        label: { show: true, formatter: '{c}%' }, itemStyle: { color: '#d9822b' } },
    ],
  });
}

async function showPareto() {
  try {
    const [byUnit, byRule] = await Promise.all([get('/api/monitors/pareto?by=unit'), get('/api/monitors/pareto?by=rule')]);
    $('pareto').hidden = false;
    pareto($('pareto-unit'), byUnit);
    pareto($('pareto-rule'), byRule);
  } catch (error) {
    if (error.status !== 403) { // the Pareto is for 质管办 and the leading group; others see their warnings only
      say(error.message, true);
    }
  }
}

$('state').addEventListener('change', () => showWarnings().catch((error) => say(error.message, true)));
showWarnings().catch((error) => say(error.message, true));
showPareto();
