#include "ReasonReader.h"

#include "BlockedReason.h"
#include "ProcParser.h"

#include <sys/syscall.h>

using namespace Qt::Literals::StringLiterals;

ReasonReader::ReasonReader(ProcSource *source)
    : m_source(source)
    , m_buffer(4096)
{
}

void ReasonReader::read(int pid, int tid, char letter, Kept &kept, QString *reason, QString *source)
{
    using Result = ProcSource::Result;
    QString words;
    QString from;
    if (!kept.wchanOnly) {
        Result result = Result::Ok;
        if (!kept.syscall.isOpen()) {
            const bool keep = !m_keptCount || *m_keptCount < m_keptBudget;
            kept.syscall = KeptProcFile::open(m_source, pid, tid, ProcSource::File::Syscall, &result, keep,
                                              m_keptCount);
        }
        qsizetype length = 0;
        if (kept.syscall.isOpen())
            result = kept.syscall.reread(m_buffer.data(), qsizetype(m_buffer.size()), &length);
        if (result == Result::Ok && length > 0) {
            if (const auto state = ProcParser::parseSyscall(QByteArrayView(m_buffer.data(), length))) {
                QByteArray target;
                if (state->kind == SyscallState::Kind::InSyscall && BlockedReason::descriptorArgument(state->number))
                    target = m_source->fdTarget(pid, int(state->args[0]));
                words = BlockedReason::ofSyscall(*state, target);
                if (m_futexNamer && state->kind == SyscallState::Kind::InSyscall && state->number == SYS_futex) {
                    // The futex's address says more than the kernel: e.g. CPython's GIL.
                    if (QString named = m_futexNamer->nameOf(pid, state->args[0]); !named.isEmpty())
                        words = named;
                }
                if (!words.isEmpty())
                    from = u"syscall"_s; // static data: copies cost no reference counting
            }
        } else if (result == Result::NoDescriptor) {
            kept.syscall.reset(); // short of descriptors, not denied: try again at the next read
        } else {
            // Denied (Yama: not our descendant) or absent: wchan from now on for this task.
            kept.wchanOnly = true;
            kept.syscall.reset();
        }
    }
    if (words.isEmpty()) {
        // Blocked outside a system call (a page fault), or syscall unavailable: the kernel function it waits in.
        QByteArray wchan;
        if (m_source->readOnce(pid, tid, ProcSource::File::Wchan, &wchan) == Result::Ok) {
            words = BlockedReason::ofWchan(ProcParser::parseWchan(wchan));
            if (!words.isEmpty())
                from = u"wchan"_s;
        }
    }
    if (words.isEmpty())
        words = BlockedReason::ofLetter(letter);
    if (words.isEmpty())
        words = BlockedReason::unsaid(); // a change to blocked always carries a reason
    *reason = intern(words);
    *source = from;
}

QString ReasonReader::intern(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (m_texts.size() > 4096)
        m_texts.clear(); // reasons can name file descriptors: keep the table bounded
    auto it = m_texts.constFind(text);
    if (it == m_texts.constEnd())
        it = m_texts.insert(text, text);
    return it.value();
}
