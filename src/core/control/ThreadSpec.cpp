#include "ThreadSpec.h"

using namespace Qt::Literals::StringLiterals;

ControlMessage ThreadSpec::toAdd() const
{
    ControlMessage message("add");
    message.set("role", role.toLatin1()).set("rate", QByteArray::number(rate));
    if (!name.isEmpty())
        message.set("name", name.toLatin1());
    if (queue >= 0)
        message.set("queue", queue);
    if (!locks.isEmpty())
        message.setNumberList("locks", locks);
    message.set("step", stepMs).set("hold", holdMs).set("rounds", rounds);
    if (busy)
        message.set("busy", 1);
    if (useProcesses)
        message.set("processes", 1);
    if (drainFirst)
        message.set("drain", 1);
    if (!mode.isEmpty())
        message.set("mode", mode.toLatin1());
    if (party > 0)
        message.set("party", party);
    if (gil >= 0)
        message.set("gil", gil);
    if (stepNumber > 0)
        message.set("stepper", stepNumber);
    if (initialValue != 0)
        message.set("initial", initialValue);
    return message;
}

std::optional<ThreadSpec> ThreadSpec::fromAdd(const ControlMessage &add)
{
    ThreadSpec spec;
    spec.role = QString::fromLatin1(add.value("role"));
    spec.name = QString::fromLatin1(add.value("name"));
    bool rateOk = true;
    spec.rate = add.has("rate") ? add.value("rate").toDouble(&rateOk) : 0;
    const std::optional<qint64> queue = add.number("queue", -1);
    const std::optional<QList<int>> locks = add.numberList("locks");
    const std::optional<qint64> step = add.number("step", 100);
    const std::optional<qint64> hold = add.number("hold", 200);
    const std::optional<qint64> rounds = add.number("rounds", 0);
    if (!rateOk || spec.rate < 0 || !queue || (add.has("queue") && *queue < 0) || !locks || !step || !hold || !rounds)
        return std::nullopt;
    spec.queue = int(*queue);
    spec.locks = *locks;
    spec.stepMs = int(*step);
    spec.holdMs = int(*hold);
    spec.rounds = int(*rounds);
    spec.busy = add.number("busy", 0).value_or(0) != 0;
    spec.useProcesses = add.number("processes", 0).value_or(0) != 0;
    spec.drainFirst = add.number("drain", 0).value_or(0) != 0;
    spec.mode = QString::fromLatin1(add.value("mode"));
    spec.party = int(add.number("party", 0).value_or(0));
    spec.gil = int(add.number("gil", -1).value_or(-1));
    spec.initialValue = add.number("initial", 0).value_or(0);
    spec.stepNumber = int(add.number("stepper", 0).value_or(0));
    return spec;
}

QStringList ThreadSpec::workerOptions() const
{
    const ThreadSpec plain;
    QStringList options;
    if (rate != plain.rate)
        options << u"--rate"_s << QString::number(rate);
    if (busy)
        options << u"--busy"_s;
    if (!locks.isEmpty()) {
        QStringList numbers;
        for (const int lock : locks)
            numbers << QString::number(lock);
        options << u"--locks"_s << numbers.join(u',');
    }
    if (stepMs != plain.stepMs)
        options << u"--step"_s << QString::number(stepMs);
    if (holdMs != plain.holdMs)
        options << u"--hold"_s << QString::number(holdMs);
    if (rounds != plain.rounds)
        options << u"--rounds"_s << QString::number(rounds);
    return options;
}
