#include "SessionHeader.h"

#include "BuildInfo.h"
#include "SessionJsonWriter.h"

#include <QSysInfo>
#include <cmath>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kFormat = u"proclab-session"_s;
const QStringList kKnownKeys = {u"format"_s, u"version"_s,    u"start_unix"_s, u"host"_s,        u"cores"_s,
                                u"kernel"_s, u"experiment"_s, u"parameters"_s, u"explanation"_s, u"proclab"_s};
} // namespace

SessionHeader SessionHeader::forThisMachine(const QString &experiment, const QJsonObject &parameters, double startUnix)
{
    SessionHeader header;
    header.startUnix = startUnix;
    header.host = QSysInfo::machineHostName();
    header.cores = int(sysconf(_SC_NPROCESSORS_ONLN));
    header.kernel = QSysInfo::kernelVersion();
    header.experiment = experiment;
    header.parameters = parameters;
    header.proclabVersion = QString::fromLatin1(PROCLAB_VERSION);
    return header;
}

QJsonObject SessionHeader::toJson() const
{
    QJsonObject object = extra;
    object.insert(u"format"_s, kFormat);
    object.insert(u"version"_s, CurrentVersion);
    object.insert(u"start_unix"_s, startUnix);
    object.insert(u"host"_s, host);
    object.insert(u"cores"_s, cores);
    object.insert(u"kernel"_s, kernel);
    object.insert(u"experiment"_s, experiment);
    object.insert(u"parameters"_s, parameters);
    if (!explanation.isEmpty())
        object.insert(u"explanation"_s, explanation);
    if (!proclabVersion.isEmpty())
        object.insert(u"proclab"_s, proclabVersion);
    return object;
}

QByteArray SessionHeader::toJsonLine() const
{
    // Written by hand so that "format" and "version" come first: a person opening the file sees what it is.
    QByteArray line = "{\"format\":\"proclab-session\",\"version\":";
    SessionJsonWriter::appendNumber(line, CurrentVersion);
    line += ",\"start_unix\":";
    // Microseconds of the epoch need 16 significant digits; the shortest exact form keeps them all.
    SessionJsonWriter::appendNumber(line, startUnix);
    line += ",\"host\":";
    SessionJsonWriter::appendString(line, host);
    line += ",\"cores\":";
    SessionJsonWriter::appendNumber(line, cores);
    line += ",\"kernel\":";
    SessionJsonWriter::appendString(line, kernel);
    line += ",\"experiment\":";
    SessionJsonWriter::appendString(line, experiment);
    line += ",\"parameters\":";
    SessionJsonWriter::appendObject(line, parameters);
    if (!explanation.isEmpty()) {
        line += ",\"explanation\":";
        SessionJsonWriter::appendString(line, explanation);
    }
    if (!proclabVersion.isEmpty()) {
        line += ",\"proclab\":";
        SessionJsonWriter::appendString(line, proclabVersion);
    }
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        if (kKnownKeys.contains(it.key()))
            continue;
        line += ',';
        SessionJsonWriter::appendString(line, it.key());
        line += ':';
        SessionJsonWriter::appendValue(line, it.value());
    }
    line += '}';
    return line;
}

QString SessionHeader::fromJson(const QJsonObject &object, SessionHeader *header)
{
    const QJsonValue format = object.value(u"format"_s);
    if (format.toString() != kFormat)
        return tr("not a ProcLab session: the first line must have \"format\":\"proclab-session\"");
    const QJsonValue version = object.value(u"version"_s);
    if (!version.isDouble() || version.toDouble() != double(version.toInteger(-1)))
        return tr("the header's \"version\" must be an integer");
    if (version.toInteger() != CurrentVersion)
        return tr("session format version %1 cannot be read; this ProcLab reads version %2")
            .arg(version.toInteger())
            .arg(CurrentVersion);
    const QJsonValue start = object.value(u"start_unix"_s);
    if (!start.isDouble())
        return tr("the header needs \"start_unix\", a number of seconds since the epoch");
    const QJsonValue experiment = object.value(u"experiment"_s);
    if (!experiment.isString())
        return tr("the header needs \"experiment\", a string");
    if (!std::isfinite(start.toDouble()) || start.toDouble() < 0 || start.toDouble() > MaxStartUnix)
        return tr("the header's \"start_unix\" must be seconds since the epoch, from 0 to %1")
            .arg(qint64(MaxStartUnix));
    const QJsonValue cores = object.value(u"cores"_s);
    if (!cores.isUndefined() && !(cores.isDouble() && cores.toDouble() == std::trunc(cores.toDouble()) &&
                                  cores.toDouble() >= 0 && cores.toDouble() <= MaxCores))
        return tr("the header's \"cores\" must be a whole number from 0 to %1").arg(MaxCores);
    for (const QString &key : {u"host"_s, u"kernel"_s, u"explanation"_s, u"proclab"_s}) {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isString())
            return tr("the header's \"%1\" must be a string").arg(key);
    }
    const QJsonValue parameters = object.value(u"parameters"_s);
    if (!parameters.isUndefined() && !parameters.isObject())
        return tr("the header's \"parameters\" must be an object");

    SessionHeader parsed;
    parsed.startUnix = start.toDouble();
    parsed.experiment = experiment.toString();
    parsed.parameters = parameters.toObject();
    // Descriptive keys are optional: a file written by hand or by another tool may lack them.
    parsed.host = object.value(u"host"_s).toString();
    parsed.cores = object.value(u"cores"_s).toInt();
    parsed.kernel = object.value(u"kernel"_s).toString();
    parsed.explanation = object.value(u"explanation"_s).toString();
    parsed.proclabVersion = object.value(u"proclab"_s).toString();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!kKnownKeys.contains(it.key()))
            parsed.extra.insert(it.key(), it.value());
    }
    *header = parsed;
    return {};
}
