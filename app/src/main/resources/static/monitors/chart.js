// 指标控制图: an indicator's individuals chart for one subject (centre line, ±2σ, control limits, the points that fired
// a rule), through /api/monitors/chart.

const round = (value) => Math.round(value * 100) / 100;

function draw(chart) {
  const limits = chart.limits;
  const line = (name, value, color, dashed) => ({ name, yAxis: round(value), lineStyle: { color, type: dashed ? 'dashed' : 'solid' },
    label: { formatter: `${name} ${round(value)}`, position: 'insideEndTop' } });
  const marks = limits ? [line('中心线', limits.centre, '#2e7d32'), line('UCL', limits.upper, '#a12a1f'), line('LCL', limits.lower, '#a12a1f'),
    line('+2σ', limits.upper2Sigma, '#d9822b', true), line('-2σ', limits.lower2Sigma, '#d9822b', true)] : [];
  echarts.init($('control-chart')).setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { right: 90 },
    xAxis: { type: 'category', data: chart.points.map((point) => point.label) },
    // the axis reaches the control limits, also a lower limit stopped at 0 below every point
    yAxis: { type: 'value', name: chart.unitOfMeasure, scale: true,
      min: (extent) => (limits ? Math.floor(Math.min(extent.min, limits.lower)) : extent.min),
      max: (extent) => (limits ? Math.ceil(Math.max(extent.max, limits.upper)) : extent.max) },
    series: [{
      name: chart.indicatorName, type: 'line', symbolSize: 9,
      data: chart.points.map((point) => ({ value: point.value,
        symbol: point.flagged ? 'diamond' : 'circle', symbolSize: point.flagged ? 16 : 9,
        itemStyle: point.flagged ? { color: '#a12a1f', borderColor: '#a12a1f' } : { color: '#1f6fb2' } })),
      lineStyle: { color: '#1f6fb2' },
      markLine: { symbol: 'none', silent: true, data: marks },
    }],
  });
}

async function show() {
  const query = new URLSearchParams(location.search);
  const response = await fetch(`/api/monitors/chart?${query}`, { headers: { Accept: 'application/json' } });
  const chart = await response.json();
  if (!response.ok) {
    say(chart.message || `请求失败（${response.status}）`, true);
    return;
  }
  document.title = `${chart.indicatorName}（${chart.subjectName}）· 指标控制图`;
  $('chart-title').textContent = `${chart.indicatorName}（${chart.indicator}）· ${chart.subjectName}`;
  const limits = chart.limits;
  // a limit stopped at the quantity's bound says so: nothing can lie beyond it
  const clamped = (value, isClamped) => `${round(value)}${isClamped ? '（取值界限）' : ''}`;
  $('chart-facts').textContent = `责任单位 ${chart.ownerName}；${chart.better}；${chart.bounds ? `${chart.bounds}；` : ''}`
    + `单值-移动极差图，控制限由最新一期之前的各期计算（至少 ${chart.minPeriods} 期）`
    + (limits ? `：中心线 ${round(limits.centre)}，UCL ${clamped(limits.upper, limits.upperClamped)}，`
      + `LCL ${clamped(limits.lower, limits.lowerClamped)}。` : '。');
  $('signals').replaceChildren(...(chart.signals.length ? chart.signals.map((signal) => {
    const li = document.createElement('li');
    li.textContent = `${signal.ruleLabel}（${signal.direction}）：${signal.periods.join('、')}`;
    return li;
  }) : [Object.assign(document.createElement('li'), { textContent: '无', className: 'none' })]));
  $('points').replaceChildren(...chart.points.map((point) => {
    const tr = document.createElement('tr');
    tr.className = point.flagged ? 'flagged' : '';
    [point.label, point.value, point.flagged ? '触发规则' : ''].forEach((text) => { tr.insertCell().textContent = text; });
    return tr;
  }));
  $('chart-section').hidden = false;
  say(chart.message || (chart.openWarnings.length ? `未关闭的预警 ${chart.openWarnings.length} 条` : '当前没有未关闭的预警'), Boolean(chart.openWarnings.length));
  draw(chart);
}

show().catch((error) => say(error.message, true));
