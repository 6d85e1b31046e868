// Draws a chart (Chart.js) for every table marked data-chart="bar" or "line", from the table's own
// cells: the table stays on the page as the accessible version, the canvas is an image named after it.
//   data-chart-layout  "grouped" (default): one chart, a category per row, a series per column;
//                      "rows": one small chart per row; "columns": one small chart per column
//   data-chart-label   the chart's accessible name (else the table's caption or section heading)
//   data-chart-target  a value drawn as a dashed line (an indicator's 100 %), data-chart-target-label its label
//   th[data-chart-target] in the header: a target of that column's values (support's "90 % answered in time"
//                      and "at most 5 % abandoned"), th[data-chart-target-label] its label; a table may have
//                      one per column, each drawn as a dashed line in its series' colour (grouped layout) or
//                      in its column's own chart ("columns" layout)
//   data-chart-unit    appended to the value axis' numbers (e.g. "%")
//   data-chart-into    the id of the element the charts go into (else just before the table)
//   th[data-chart-series] in the header: only those columns are charted (else every column after the first)
//   th[data-chart-name] a column's shorter name in the chart, or a row's name when the row's label spans several cells
//   td[data-value]     the cell's number; without it, the cell's text when that is a plain number (1.234,5 or 45,1 %)
//   td[data-incomplete] the value is drawn in a lighter colour
// A cell without a number (missing, "under 5", "–") is no bar and no zero: a gap, labelled with the
// cell's own text, and the canvas names those categories in data-missing. A chart of one series
// writes each bar's number above the bar. When a table's charts are
// drawn, the table gets data-chart-drawn="true".
(function () {
    'use strict';

    var PALETTE = ['#1d5f8a', '#b4561c', '#4f7d2c', '#7b4a9a', '#5c5c5c'];
    var LIGHTER = ['#8fb3cc', '#dba98a', '#a9c396', '#bda4cc', '#adadad'];
    var MUTED = '#595959';
    var TARGET = '#b00020';

    function numberOf(cell) {
        if (cell.hasAttribute('data-value')) {
            var raw = cell.getAttribute('data-value');
            return raw === '' ? null : Number(raw);
        }
        var text = cell.textContent.replace(/\s+/g, ' ').trim();
        if (!/^-?[0-9.]+(,[0-9]+)? ?%?$/.test(text)) {
            return null;
        }
        return Number(text.replace(/[.% ]/g, '').replace(',', '.'));
    }

    function textOf(cell) {
        return cell.textContent.replace(/\s+/g, ' ').trim();
    }

    /** The target an element (the table, or a column's header) declares, or null. */
    function targetOf(element) {
        var raw = element.getAttribute('data-chart-target');
        return raw === null || raw === '' ? null
            : { value: Number(raw), label: element.getAttribute('data-chart-target-label') || '' };
    }

    /** The table as labels of its rows and chosen columns and, per row and column, a value, its text and whether incomplete. */
    function matrix(table) {
        var head = table.tHead.rows[table.tHead.rows.length - 1].cells;
        var marked = table.tHead.querySelector('[data-chart-series]') !== null;
        var columns = [];
        for (var c = 1; c < head.length; c++) {
            if (!marked || head[c].hasAttribute('data-chart-series')) {
                columns.push(c);
            }
        }
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        return {
            rowLabels: rows.map(function (row) { return row.cells[0].getAttribute('data-chart-name') || textOf(row.cells[0]); }),
            columnLabels: columns.map(function (c) { return head[c].getAttribute('data-chart-name') || textOf(head[c]); }),
            columnTargets: columns.map(function (c) { return targetOf(head[c]); }),
            cells: rows.map(function (row) {
                return columns.map(function (c) {
                    var cell = row.cells[c];
                    return cell ? { value: numberOf(cell), text: textOf(cell), incomplete: cell.hasAttribute('data-incomplete') }
                        : { value: null, text: '', incomplete: false };
                });
            })
        };
    }

    function transpose(m) {
        return {
            rowLabels: m.columnLabels,
            columnLabels: m.rowLabels,
            cells: m.columnLabels.map(function (label, c) { return m.cells.map(function (row) { return row[c]; }); })
        };
    }

    /**
     * The pieces to draw: one for the whole table, or one per row or column, each with categories,
     * series and targets (the table's, and in a chart of columns their own, with the series they belong to).
     */
    function pieces(table, m) {
        var layout = table.getAttribute('data-chart-layout') || 'grouped';
        var whole = targetOf(table);
        var targets = whole ? [whole] : [];
        if (layout === 'grouped') {
            return [{ title: null, categories: m.rowLabels, series: m.columnLabels.map(function (label, c) {
                return { label: label, cells: m.cells.map(function (row) { return row[c]; }) };
            }), targets: targets.concat(m.columnTargets.map(function (target, c) {
                return target && { value: target.value, label: target.label, series: c };
            }).filter(Boolean)) }];
        }
        var byRow = layout === 'rows' ? m : transpose(m);
        return byRow.rowLabels.map(function (label, r) {
            var own = layout === 'columns' ? m.columnTargets[r] : null;
            return { title: label, categories: byRow.columnLabels, series: [{ label: label, cells: byRow.cells[r] }],
                targets: own ? targets.concat([own]) : targets };
        });
    }

    /**
     * Dashed lines across the chart on a white halo (so a line stays visible across bars of its own
     * colour), each labelled on a white ground above it (below it when another label or the top is in the way).
     */
    function drawTargets(ctx, area, value, targets) {
        var taken = [];
        targets.map(function (target) { return { target: target, y: value.getPixelForValue(target.value) }; })
            .sort(function (a, b) { return a.y - b.y; })
            .forEach(function (line) {
                var labelY = line.y - 4;
                if (labelY - 12 < area.top || taken.some(function (y) { return Math.abs(y - labelY) < 14; })) {
                    labelY = line.y + 14;
                }
                taken.push(labelY);
                [{ colour: '#ffffff', width: 4, dash: [] }, { colour: line.target.colour, width: 2, dash: [6, 4] }]
                    .forEach(function (stroke) {
                        ctx.strokeStyle = stroke.colour;
                        ctx.lineWidth = stroke.width;
                        ctx.setLineDash(stroke.dash);
                        ctx.beginPath();
                        ctx.moveTo(area.left, line.y);
                        ctx.lineTo(area.right, line.y);
                        ctx.stroke();
                    });
                var width = ctx.measureText(line.target.label).width;
                ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
                ctx.fillRect(area.right - width - 4, labelY - 11, width + 4, 15);
                ctx.fillStyle = line.target.colour;
                ctx.textAlign = 'right';
                ctx.fillText(line.target.label, area.right, labelY);
            });
    }

    /** Writes each missing value's own text at its place on the axis, and the targets as dashed lines. */
    var marks = {
        id: 'fscMarks',
        afterDatasetsDraw: function (chart, args, options) {
            var ctx = chart.ctx;
            var area = chart.chartArea;
            var value = chart.scales.y;
            ctx.save();
            ctx.font = '12px sans-serif';
            ctx.fillStyle = MUTED;
            ctx.textAlign = 'center';
            chart.data.datasets.forEach(function (dataset, d) {
                var meta = chart.getDatasetMeta(d);
                dataset.data.forEach(function (v, i) {
                    var element = meta.data[i];
                    if (v !== null && options.values && element && isFinite(element.y)) {
                        ctx.fillStyle = '#1a1a1a';
                        ctx.fillText(options.values[i], element.x, Math.min(element.y, value.getPixelForValue(0)) - 4);
                        ctx.fillStyle = MUTED;
                        return;
                    }
                    var text = options.missing[d][i];
                    if (v !== null || !/[0-9A-Za-zÆØÅæøå]/.test(text)) {
                        return;
                    }
                    var x = element && isFinite(element.x) ? element.x : chart.scales.x.getPixelForValue(i);
                    var y = value.getPixelForValue(0);
                    var width = ctx.measureText(text).width;
                    var slot = (area.right - area.left) / Math.max(1, dataset.data.length) / chart.data.datasets.length;
                    ctx.save();
                    ctx.translate(x, y - 6);
                    if (width > slot) {
                        ctx.rotate(-Math.PI / 2);
                        ctx.textAlign = 'left';
                    }
                    ctx.fillText(text, 0, width > slot ? 4 : 0);
                    ctx.restore();
                    if (options.outline && element) {
                        ctx.save();
                        ctx.strokeStyle = MUTED;
                        ctx.setLineDash([4, 3]);
                        var half = Math.min(28, slot / 2 - 2);
                        ctx.strokeRect(x - half, y - 30, 2 * half, 30);
                        ctx.restore();
                    }
                });
            });
            drawTargets(ctx, area, value, options.targets);
            ctx.restore();
        }
    };

    function label(table) {
        if (table.hasAttribute('data-chart-label')) {
            return table.getAttribute('data-chart-label');
        }
        if (table.caption) {
            return textOf(table.caption);
        }
        var section = table.closest('section');
        var heading = section && section.querySelector('h2, h3');
        return heading ? textOf(heading) : document.title;
    }

    function draw(table) {
        var type = table.getAttribute('data-chart') === 'line' ? 'line' : 'bar';
        var unit = table.getAttribute('data-chart-unit') || '';
        var format = new Intl.NumberFormat(document.documentElement.lang || 'da', { maximumFractionDigits: 2 });
        var m = matrix(table);
        var parts = pieces(table, m);
        var holder = document.createElement('div');
        holder.className = parts.length > 1 ? 'charts small ' + (table.getAttribute('data-chart-layout') || '') : 'charts';
        var into = table.hasAttribute('data-chart-into') ? document.getElementById(table.getAttribute('data-chart-into')) : null;
        var anchor = table.closest('.table-wrap') || table;
        if (into) {
            into.appendChild(holder);
        } else {
            anchor.parentNode.insertBefore(holder, anchor);
        }
        var name = label(table);
        parts.forEach(function (part) {
            var figure = document.createElement('figure');
            figure.className = 'chart-box';
            if (part.title) {
                var caption = document.createElement('figcaption');
                caption.textContent = part.title;
                figure.appendChild(caption);
            }
            var frame = document.createElement('div');
            frame.className = 'chart-frame';
            var canvas = document.createElement('canvas');
            canvas.setAttribute('role', 'img');
            canvas.setAttribute('aria-label', part.title ? name + ': ' + part.title : name);
            canvas.textContent = name;
            frame.appendChild(canvas);
            figure.appendChild(frame);
            holder.appendChild(figure);
            var single = part.series.length === 1;
            var datasets = part.series.map(function (series, s) {
                return {
                    label: series.label,
                    data: series.cells.map(function (cell) { return cell.value; }),
                    backgroundColor: series.cells.map(function (cell, i) {
                        var colour = single && parts.length > 1 ? i : s;
                        return (cell.incomplete ? LIGHTER : PALETTE)[colour % PALETTE.length];
                    }),
                    borderColor: PALETTE[s % PALETTE.length],
                    spanGaps: false
                };
            });
            canvas.setAttribute('data-missing', part.categories.filter(function (category, i) {
                return part.series.some(function (series) { return series.cells[i].value === null; });
            }).join(', '));
            var values = [];
            datasets.forEach(function (dataset) { dataset.data.forEach(function (v) { if (v !== null) { values.push(v); } }); });
            var targets = part.targets.map(function (target) {
                return { value: target.value, label: target.label,
                    colour: target.series !== undefined && !single ? PALETTE[target.series % PALETTE.length] : TARGET };
            });
            var highest = Math.max.apply(null, targets.map(function (target) { return target.value; }));
            new window.Chart(canvas, {
                type: type,
                data: { labels: part.categories, datasets: datasets },
                options: {
                    animation: false,
                    responsive: true,
                    maintainAspectRatio: false,
                    locale: document.documentElement.lang || 'da',
                    plugins: {
                        legend: { display: !single },
                        fscMarks: {
                            missing: part.series.map(function (series) {
                                return series.cells.map(function (cell) { return cell.value === null ? cell.text : ''; });
                            }),
                            outline: single && parts.length === 1,
                            values: single ? part.series[0].cells.map(function (cell) {
                                return cell.value === null ? '' : format.format(cell.value) + (unit ? ' ' + unit : '');
                            }) : null,
                            targets: targets
                        }
                    },
                    scales: {
                        y: {
                            beginAtZero: true,
                            suggestedMax: targets.length ? Math.max(highest * 1.1, Math.max.apply(null, values.concat([0]))) : undefined,
                            ticks: { callback: function (v) { return this.getLabelForValue(v) + (unit ? ' ' + unit : ''); } }
                        }
                    }
                },
                plugins: [marks]
            });
        });
        table.setAttribute('data-chart-drawn', 'true');
    }

    function drawAll() {
        if (!window.Chart) {
            return;
        }
        document.querySelectorAll('table[data-chart]:not([data-chart-drawn])').forEach(draw);
    }

    document.addEventListener('DOMContentLoaded', drawAll);
    document.addEventListener('htmx:afterSettle', drawAll);
})();
