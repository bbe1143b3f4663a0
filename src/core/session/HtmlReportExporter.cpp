#include "HtmlReportExporter.h"

#include "FigureLabels.h"
#include "FigureText.h"
#include "SessionCharts.h"
#include "SessionDiagrams.h"
#include "SessionJsonWriter.h"
#include "SessionReader.h"
#include "SessionReportData.h"
#include "SvgWriter.h"
#include "base/EventKind.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
QString esc(const QString &text)
{
    return SvgWriter::escaped(text);
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject()) {
        // A group of figures (the run's headroom): its members in words, not as JSON.
        QStringList members;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            members << QString(it.key()).replace(u'_', u' ') + u' ' + jsonText(it.value());
        return members.join(u", "_s);
    }
    if (value.isDouble()) {
        // Measured numbers for people: three significant digits, whole counts grouped.
        const double number = value.toDouble();
        return number == std::round(number) && std::fabs(number) < 1e15 ? FigureText::count(qint64(number))
                                                                         : FigureText::significant(number);
    }
    QByteArray json;
    SessionJsonWriter::appendValue(json, value);
    return QString::fromUtf8(json);
}
} // namespace

QString HtmlReportExporter::format() const
{
    return u"html"_s;
}

bool HtmlReportExporter::exportTo(SessionReader &reader, const QString &outputPath)
{
    return writeAtomically(outputPath, [&](QIODevice *out) { return write(reader, out); });
}

bool HtmlReportExporter::write(SessionReader &reader, QIODevice *out)
{
    SessionReportData data;
    SessionEvent event;
    while (reader.next(&event))
        data.add(event);
    if (!readerFinishedCleanly(reader))
        return false;
    data.finish();
    const QByteArray html = page(reader.header(), data, reader.truncationNote()).toUtf8();
    if (out->write(html) != html.size())
        return fail(tr("cannot write: %1").arg(out->errorString()));
    return true;
}

QString HtmlReportExporter::page(const SessionHeader &header, const SessionReportData &data, const QString &note)
{
    const QString title = tr("ProcLab session: %1").arg(header.experiment);
    QString html =
        u"<!DOCTYPE html>\n<html lang=\""_s + esc(tr("en", "HTML language code")) + u"\">\n<head>\n"_s +
        u"<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"_s +
        u"<meta name=\"generator\" content=\"ProcLab "_s + esc(header.proclabVersion) + u"\">\n<title>"_s + esc(title) +
        u"</title>\n<style>"_s + styleSheet() + u"</style>\n</head>\n<body>\n<main>\n"_s;
    html += u"<header><p class=\"eyebrow\">"_s + esc(tr("ProcLab session report")) + u"</p><h1>"_s +
            esc(header.experiment) + u"</h1>"_s + summary(header, data) + u"</header>\n"_s;
    if (!note.isEmpty())
        html += u"<p class=\"warning\">"_s + esc(note) + u"</p>\n"_s;
    html += verdict(data);
    html += resultCard(data);
    if (const QString gantt = SessionDiagrams::poolGantt(data); !gantt.isEmpty())
        html += u"<section><h2>"_s + esc(tr("Pool tasks")) + u"</h2><p class=\"hint\">"_s +
                esc(tr("One lane per worker process, one bar per task: apply runs one task at a time, apply_async and "
                       "map keep every worker busy. The dashed lines mark when each mode's last task ended.")) +
                u"</p>"_s + gantt + u"</section>\n"_s;
    if (const QString graph = SessionDiagrams::waitGraph(data); !graph.isEmpty())
        html += u"<section><h2>"_s + esc(tr("Wait-for graph")) + u"</h2><p class=\"hint\">"_s +
                esc(tr("The deadlock found: each thread holds what the one before it waits for, so none can go on.")) +
                u"</p>"_s + graph + u"</section>\n"_s;
    html += gilSections(data);
    html += u"<section><h2>"_s + esc(tr("Parameters")) + u"</h2>"_s + parameters(header) + u"</section>\n"_s;
    if (!header.explanation.isEmpty()) {
        QString paragraphs;
        for (const QString &paragraph : header.explanation.split(u"\n\n"_s, Qt::SkipEmptyParts))
            paragraphs += u"<p>"_s + esc(paragraph.trimmed()).replace(u'\n', u"<br>"_s) + u"</p>"_s;
        html +=
            u"<section><h2>"_s + esc(tr("What this experiment shows")) + u"</h2>"_s + paragraphs + u"</section>\n"_s;
    }
    html += u"<section><h2>"_s + esc(tr("Load per CPU core")) + u"</h2><p class=\"hint\">"_s +
            esc(tr("Share of each core that was busy (user + system time), from /proc/stat.")) + u"</p>"_s +
            SessionCharts::coreLoad(data) + u"</section>\n"_s;
    html += u"<section><h2>"_s + esc(tr("Queue depth")) + u"</h2><p class=\"hint\">"_s +
            esc(tr("Items waiting in each queue; producers block when it reaches the capacity, consumers when it is "
                   "empty.")) +
            u"</p>"_s + SessionCharts::queueDepth(data) + u"</section>\n"_s;
    html += u"<section><h2>"_s + esc(tr("Thread states")) + u"</h2><p class=\"hint\">"_s +
            esc(tr("One lane per thread: running on a core, ready (runnable but waiting for a core), or blocked "
                   "(waiting for something: a lock, a queue, a pipe, a child, a timer).")) +
            u"</p>"_s + SessionCharts::stateTimeline(data);
    if (data.omittedLanes() > 0)
        html += u"<p class=\"hint\">"_s + esc(tr("%n more thread(s) not drawn.", nullptr, int(data.omittedLanes()))) +
                u"</p>"_s;
    html += u"</section>\n"_s;
    html += u"<section><h2>"_s + esc(tr("Events")) + u"</h2>"_s + eventTable(data) + u"</section>\n"_s;
    html += u"<footer>"_s +
            esc(tr("Written by ProcLab %1 on %2. Samples (task.sample, cpu.sample, queue.sample) are in the charts "
                   "above; export as CSV for every figure.")
                    .arg(header.proclabVersion, QDateTime::currentDateTime().toString(Qt::ISODate))) +
            u"</footer>\n</main>\n</body>\n</html>\n"_s;
    return html;
}

QString HtmlReportExporter::summary(const SessionHeader &header, const SessionReportData &data)
{
    // A hand-edited start_unix may be anything; converting an out-of-range double to an integer is undefined.
    const double startMs = std::clamp(header.startUnix * 1000, 0.0, 253402300799000.0); // up to the year 9999
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(qint64(startMs));
    const QList<std::pair<QString, QString>> facts = {
        {tr("Started"), start.toString(u"yyyy-MM-dd HH:mm:ss"_s)},
        {tr("Duration"), tr("%1 s").arg(data.duration(), 0, 'f', 1)},
        {tr("Host"), header.host},
        {tr("Kernel"), header.kernel},
        {tr("Cores"), QString::number(header.cores)},
        {tr("Processes"), QString::number(data.processCount())},
        {tr("Threads"), QString::number(data.threadCount())},
    };
    QString html = u"<dl class=\"facts\">"_s;
    for (const auto &[label, value] : facts)
        html += u"<div><dt>"_s + esc(label) + u"</dt><dd>"_s + esc(value.isEmpty() ? u"—"_s : value) + u"</dd></div>"_s;
    return html + u"</dl>"_s;
}

QString HtmlReportExporter::verdict(const SessionReportData &data)
{
    if (!data.hasPhenomenon()) {
        return u"<section class=\"verdict unknown\"><h2>"_s + esc(tr("No verdict")) + u"</h2><p>"_s +
               esc(tr("The session ended before the experiment's check ran (no phenomenon event was recorded).")) +
               u"</p></section>\n"_s;
    }
    const QJsonObject &p = data.phenomenon();
    const QJsonValue flag = p.contains(u"observed"_s) ? p.value(u"observed"_s) : p.value(u"passed"_s);
    const bool observed = flag.toBool();
    QString html;
    if (p.value(u"verdict"_s).toString() == u"inconclusive"_s) {
        // Not a failure of the lesson: the run had too few free cores; the load line says whose.
        html = u"<section class=\"verdict unknown\"><h2>"_s + esc(tr("Phenomenon inconclusive")) + u"</h2><p>"_s
            + esc(p.value(u"load"_s).toString()) + u"</p>"_s;
    } else {
        html = u"<section class=\"verdict "_s + (observed ? u"observed"_s : u"missed"_s) + u"\"><h2>"_s
            + esc(observed ? tr("Phenomenon observed") : tr("Phenomenon not observed")) + u"</h2>"_s;
    }
    const QString detail = p.value(u"detail"_s).toString();
    if (!detail.isEmpty())
        html += u"<p>"_s + esc(detail) + u"</p>"_s;
    const QJsonObject figures = p.value(u"figures"_s).toObject();
    if (!figures.isEmpty()) {
        html += u"<dl class=\"figures\">"_s;
        for (auto it = figures.constBegin(); it != figures.constEnd(); ++it)
            html += u"<div><dt>"_s + esc(QString(it.key()).replace(u'_', u' ')) + u"</dt><dd>"_s +
                    esc(jsonText(it.value())) + u"</dd></div>"_s;
        html += u"</dl>"_s;
    }
    return html + u"</section>\n"_s;
}

QString HtmlReportExporter::gilSections(const SessionReportData &data)
{
    QString html;
    for (const QJsonObject &interpreter : data.interpreters()) {
        if (interpreter.value(u"gil"_s).toString() != u"shown"_s)
            html += u"<p class=\"warning\">"_s + esc(tr("Process %1: %2").arg(interpreter.value(u"pid"_s).toInteger())
                                                    .arg(interpreter.value(u"message"_s).toString())) + u"</p>\n"_s;
    }
    for (const QJsonObject &summary : data.gilSummaries()) {
        const qint64 pid = summary.value(u"pid"_s).toInteger();
        QString rows;
        for (const QJsonValue &value : summary.value(u"threads"_s).toArray()) {
            const QJsonObject thread = value.toObject();
            const qint64 tid = thread.value(u"tid"_s).toInteger();
            rows += u"<tr><td>"_s + esc(data.nameOf(tid)) + u"</td><td class=\"num\">"_s + QString::number(tid)
                + u"</td><td class=\"num\">"_s + esc(tr("%1 %").arg(FigureText::percent(thread.value(u"gil"_s).toDouble())))
                + u"</td></tr>"_s;
        }
        const QString handovers = summary.contains(u"handovers"_s)
            ? FigureText::count(summary.value(u"handovers"_s).toInteger())
            : tr("%1 seen").arg(FigureText::count(summary.value(u"handovers_seen"_s).toInteger()));
        html += u"<section class=\"gil\"><h2>"_s + esc(tr("The GIL of process %1").arg(pid)) + u"</h2><p class=\"hint\">"_s
            + esc(tr("CPython's GIL, read %1 times a second from the process's memory: it was held %2 % of the time, "
                     "by one thread at a time, and handed over %3 times. Each thread's share of the time it held it:")
                      .arg(summary.value(u"hz"_s).toInt())
                      .arg(FigureText::percent(summary.value(u"held"_s).toDouble()))
                      .arg(handovers))
            + u"</p><table><thead><tr><th>"_s + esc(tr("Thread")) + u"</th><th>"_s + esc(tr("TID")) + u"</th><th>"_s
            + esc(tr("GIL held")) + u"</th></tr></thead><tbody>"_s + rows + u"</tbody></table>"_s
            + SessionDiagrams::gilBands(data, pid) + u"</section>\n"_s;
    }
    return html;
}

QString HtmlReportExporter::resultCard(const SessionReportData &data)
{
    // The experiment's own figures, each as last recorded while the run went on: what the window's result card
    // showed.
    QString items;
    for (const SessionReportData::Figure &figure : data.figures()) {
        if (!FigureLabels::isKnown(figure.name))
            continue;
        items += u"<div><dt>"_s + esc(FigureLabels::label(figure.name)) + u"</dt><dd>"_s +
                 esc(FigureLabels::valueText(figure.name, figure.value, figure.extra)) + u"</dd></div>"_s;
    }
    if (items.isEmpty())
        return {};
    return u"<section class=\"card\"><h2>"_s + esc(tr("Measured while it ran")) + u"</h2><dl class=\"figures\">"_s +
           items + u"</dl></section>\n"_s;
}

QString HtmlReportExporter::parameters(const SessionHeader &header)
{
    if (header.parameters.isEmpty())
        return u"<p class=\"empty\">"_s + esc(tr("This session has no parameters.")) + u"</p>"_s;
    QString html = u"<table class=\"params\"><tbody>"_s;
    for (auto it = header.parameters.constBegin(); it != header.parameters.constEnd(); ++it)
        html += u"<tr><th>"_s + esc(it.key()) + u"</th><td>"_s + esc(jsonText(it.value())) + u"</td></tr>"_s;
    return html + u"</tbody></table>"_s;
}

QString HtmlReportExporter::eventSummary(const QString &kind, const QJsonObject &fields)
{
    // The kinds a reader meets most read as a sentence; the rest list their fields.
    const auto text = [&fields](const char *key) {
        return jsonText(fields.value(QLatin1StringView(key)));
    };
    QString lead;
    QStringList shown = {u"pid"_s, u"tid"_s};
    if (kind == EventKind::TaskState) {
        lead = esc(text("from")) + u" → <b>"_s + esc(text("to")) + u"</b>"_s;
        shown << u"from"_s << u"to"_s;
    } else if (kind == EventKind::ProcessReparent) {
        lead = esc(tr("parent %1 → %2").arg(text("from"), text("to")));
        shown << u"from"_s << u"to"_s;
    } else if (kind == EventKind::SignalSent || (kind == EventKind::ProcessExit && fields.contains(u"signal"_s))) {
        lead = u"<b>"_s + esc(text("signal_name")) + u"</b> ("_s + esc(text("signal")) + u")"_s;
        shown << u"signal"_s << u"signal_name"_s;
    } else if (kind == EventKind::ProcessExit && fields.contains(u"code"_s)) {
        lead = esc(tr("exit code %1").arg(text("code")));
        shown << u"code"_s;
    } else if (kind == EventKind::Output) {
        lead = u"<code class=\"out\">"_s + esc(text("line").left(400)) + u"</code>"_s;
        shown << u"line"_s;
    } else if (kind == EventKind::DeadlockDetected) {
        QStringList steps;
        for (const QJsonValue &entry : fields.value(u"cycle"_s).toArray()) {
            const QJsonObject o = entry.toObject();
            steps << tr("TID %1 waits for %2, held by %3")
                         .arg(jsonText(o.value(u"tid"_s)), jsonText(o.value(u"waits_for"_s)),
                              jsonText(o.value(u"held_by"_s)));
        }
        lead = esc(steps.join(u"; "_s));
        shown << u"cycle"_s;
    }
    QString rest;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (shown.contains(it.key()) || (it.value().isString() && it.value().toString().isEmpty()))
            continue;
        if (!rest.isEmpty())
            rest += u"  "_s;
        rest += u"<span class=\"k\">"_s + esc(it.key()) + u"</span> "_s + esc(jsonText(it.value()).left(400));
    }
    if (lead.isEmpty())
        return rest;
    return rest.isEmpty() ? lead : lead + u"  "_s + rest;
}

QString HtmlReportExporter::eventTable(const SessionReportData &data)
{
    if (data.tableEvents().isEmpty())
        return u"<p class=\"empty\">"_s + esc(tr("No events other than samples were recorded.")) + u"</p>"_s;
    QString html = u"<table class=\"events\"><thead><tr><th>"_s + esc(tr("t (s)")) + u"</th><th>"_s + esc(tr("kind")) +
                   u"</th><th>"_s + esc(tr("PID")) + u"</th><th>"_s + esc(tr("TID")) + u"</th><th>"_s +
                   esc(tr("details")) + u"</th></tr></thead><tbody>"_s;
    for (const SessionEvent &event : data.tableEvents()) {
        const QString family = event.kind.section(u'.', 0, 0);
        const QJsonValue pid = event.fields.value(u"pid"_s);
        const QJsonValue tid = event.fields.value(u"tid"_s);
        html += u"<tr class=\""_s + esc(family) + u"\"><td class=\"num\">"_s + QString::number(event.t, 'f', 3) +
                u"</td><td><code>"_s + esc(event.kind) + u"</code></td><td class=\"num\">"_s +
                (pid.isUndefined() ? QString() : esc(jsonText(pid))) + u"</td><td class=\"num\">"_s +
                (tid.isUndefined() ? QString() : esc(jsonText(tid))) + u"</td><td>"_s +
                eventSummary(event.kind, event.fields) + u"</td></tr>"_s;
    }
    html += u"</tbody></table>"_s;
    if (data.omittedTableRows() > 0)
        html += u"<p class=\"hint\">"_s +
                esc(tr("%n later event(s) not listed; the JSONL and CSV exports hold them all.", nullptr,
                       int(data.omittedTableRows()))) +
                u"</p>"_s;
    return html;
}

QString HtmlReportExporter::styleSheet()
{
    // System fonts only: nothing is fetched, and Chinese text falls back to whatever CJK font the reader has.
    return uR"css(
:root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--card:#fff;--bg:#f1f5f9;--accent:#0072b2}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","Helvetica Neue",Arial,sans-serif}
main{max-width:1040px;margin:0 auto;padding:32px 24px 48px}
header{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:24px 28px;margin-bottom:18px}
.eyebrow{margin:0;color:var(--accent);font-weight:600;letter-spacing:.08em;text-transform:uppercase;font-size:12px}
h1{margin:4px 0 14px;font-size:30px;font-family:ui-monospace,"DejaVu Sans Mono",Menlo,monospace}
h2{margin:0 0 10px;font-size:18px}
section{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:20px 24px;margin-bottom:18px}
.facts,.figures{display:flex;flex-wrap:wrap;gap:10px 28px;margin:0}
.facts div,.figures div{min-width:90px}
dt{color:var(--muted);font-size:12px;letter-spacing:.02em}
.facts dt{text-transform:uppercase;letter-spacing:.05em}
.card dd{font-size:22px}
dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
.verdict{border-left:6px solid}
.verdict.observed{border-left-color:#16a34a;background:#f0fdf4}
.verdict.missed{border-left-color:#d97706;background:#fffbeb}
.verdict.unknown{border-left-color:#94a3b8}
.verdict h2::before{margin-right:8px}
.verdict.observed h2::before{content:"\2714";color:#16a34a}
.verdict.missed h2::before{content:"\26A0";color:#d97706}
.verdict p{margin:0 0 8px}
.warning{background:#fef2f2;border:1px solid #fecaca;color:#991b1b;border-radius:10px;padding:10px 14px}
.hint{color:var(--muted);margin:-4px 0 10px;font-size:13px}
.empty{color:var(--muted);font-style:italic}
svg{width:100%;height:auto;display:block;font-family:inherit}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
.params{width:auto;min-width:40%}
.params th{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-weight:500;color:#334155}
.events thead th{position:sticky;top:0;background:#f8fafc;color:var(--muted);font-weight:600}
.events td.num{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
.events code{font-size:12px;padding:1px 6px;border-radius:6px;background:#eef2ff;color:#3730a3;white-space:nowrap}
.events tr.process code{background:#ecfeff;color:#155e75}
.events tr.thread code{background:#f0fdf4;color:#166534}
.events tr.deadlock code,.events tr.lock code,.events tr.lock_order code,.events tr.error code{background:#fef2f2;color:#991b1b}
.events tr.phenomenon code{background:#fef9c3;color:#854d0e}
.events .k{color:var(--muted)}
.events code.out{background:#f1f5f9;color:#0f172a;white-space:pre-wrap}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
@media print{body{background:#fff}section,header{break-inside:avoid;border-color:#cbd5e1}}
)css"_s;
}
