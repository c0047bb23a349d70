// 图：读页面里 <script type="application/json"> 的数据，用 ECharts（/assets/echarts.min.js）画在 canvas 上，按两倍像素画，打印也清晰。
// 不用 SVG 渲染：ECharts 的 SVG 文字带 style 属性，严格的 CSP（style-src 'self'）会拦下并在控制台报错。
// 数据的形状见 web/Charts.java：title、kind（line、bar）、unit、categories、series[{name, data}]，排名图另有 cut（前几个入选）。
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  var palette = ['#9c1c1c', '#1b4f9c', '#1d6b34', '#b26b00', '#6a3d9a', '#00838f', '#5b6475'];
  function option(d) {
    var pct = d.unit === '%';
    var axisName = pct ? '' : d.unit;
    var series = d.series.map(function (s, i) {
      var one = {
        name: s.name, type: d.kind, data: s.data, connectNulls: false, animation: false,
        label: {show: d.categories.length <= 12 && d.series.length <= 3, position: 'top',
          formatter: function (p) { return p.value == null ? '' : p.value + (pct ? '%' : ''); }},
        // 几条线在同一处数值相近时（如两个县的按期办结率）数字会叠在一起：叠住的不画，看图下的数字表
        labelLayout: {hideOverlap: true}
      };
      if (d.cut != null) {
        // 排名图：入选的柱用深色，未入选的用浅色；名额处画一条竖线
        one.itemStyle = {color: function (p) { return p.dataIndex < d.cut ? palette[0] : '#c9a0a0'; }};
        if (d.cut > 0 && d.cut < d.categories.length) {
          one.markLine = {symbol: 'none', silent: true, label: {formatter: '名额线', position: 'end'},
            lineStyle: {color: '#333', type: 'dashed'}, data: [{xAxis: d.cut - 0.5}]};
        }
      }
      return one;
    });
    return {
      color: palette,
      animation: false,
      grid: {left: 16, right: 24, top: 56, bottom: d.cut != null ? 16 : 8, containLabel: true},
      legend: {show: d.series.length > 1, top: 0, type: 'scroll'},
      // 提示框画在图里（richText），不用带内联样式的 HTML：严格的 CSP 不许内联样式
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      xAxis: {type: 'category', data: d.categories,
        axisLabel: {interval: 0, rotate: d.cut != null && d.categories.length > 8 ? 40 : 0}},
      yAxis: {type: 'value', name: axisName, axisLabel: {formatter: pct ? '{value}%' : '{value}'}, min: pct ? function (v) { return Math.max(0, Math.floor(v.min - 5)); } : 0,
        max: pct ? 100 : null},
      series: series
    };
  }
  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (el) {
    var src = document.getElementById(el.getAttribute('data-chart'));
    if (!src) {
      return;
    }
    var d = JSON.parse(src.textContent);
    var chart = echarts.init(el, null, {renderer: 'canvas', devicePixelRatio: Math.max(2, window.devicePixelRatio || 1)});
    chart.setOption(option(d));
    el.setAttribute('data-rendered', 'true');
    charts.push(chart);
  });
  function resize() {
    charts.forEach(function (c) { c.resize(); });
  }
  window.addEventListener('resize', resize);
  // 打印：按纸宽重画一次
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
})();
