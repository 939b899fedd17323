/* Renders every [data-chart] element with Apache ECharts from the JSON beside it
   (<script type="application/json" id=...>), and wires the PNG download buttons. No inline script,
   and no inline style either: tooltips are drawn on the canvas. */
(function () {
  "use strict";
  var palette = ["#0b5394", "#e69138", "#6aa84f", "#cc0000", "#674ea7", "#45818e", "#999999"];
  var charts = {};

  // A value as the tooltip shows it: at most two decimals, grouped digits ("1,778.67").
  function figure(value) {
    if (value === null || value === undefined || value === "") { return "—"; }
    return Number(value).toLocaleString(document.documentElement.lang || undefined, { maximumFractionDigits: 2 });
  }

  function option(data) {
    var history = data.kind === "history";
    var series = data.series.map(function (s, i) {
      var entry = { name: s.name, data: s.data, type: "bar", barMaxWidth: 36 };
      if (data.kind === "stacked") { entry.stack = "total"; }
      if (history && i === 1) { entry.type = "line"; entry.lineStyle = { type: "dashed" }; entry.symbol = "circle"; }
      if (data.kind === "line") { entry.type = "line"; }
      return entry;
    });
    var horizontal = data.categories.length > 6 && data.categories.some(function (c) { return c.length > 6; });
    var categoryAxis = { type: "category", data: data.categories, axisLabel: { interval: 0, overflow: "truncate", width: 90 } };
    var valueAxis = { type: "value", name: data.unit || "" };
    return {
      color: palette,
      animation: false,
      // Drawn on the canvas (richText), not as an HTML box: ECharts' HTML tooltip sets inline
      // style attributes, which the portal's CSP (style-src 'self') blocks.
      tooltip: { trigger: "axis", renderMode: "richText", confine: true, valueFormatter: figure },
      legend: { top: 0, type: "scroll" },
      grid: { left: horizontal ? 120 : 50, right: 20, top: 52, bottom: 30, containLabel: !horizontal },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? Object.assign({}, categoryAxis, { inverse: true }) : valueAxis,
      series: series
    };
  }

  function render() {
    if (typeof echarts === "undefined") { return; }
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-chart"));
      if (!source) { return; }
      var chart = echarts.init(element, null, { renderer: "canvas" });
      chart.setOption(option(JSON.parse(source.textContent)));
      charts[element.getAttribute("data-chart")] = chart;
    });
    document.querySelectorAll("[data-png]").forEach(function (button) {
      button.addEventListener("click", function () {
        var chart = charts[button.getAttribute("data-png")];
        if (!chart) { return; }
        var link = document.createElement("a");
        link.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
        link.download = button.getAttribute("data-filename") || "chart.png";
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
    });
    window.addEventListener("resize", function () {
      Object.keys(charts).forEach(function (key) { charts[key].resize(); });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", render); } else { render(); }
})();
