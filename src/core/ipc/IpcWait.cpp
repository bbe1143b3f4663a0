#include "IpcWait.h"

const char *ipcStatusName(IpcStatus status)
{
    switch (status) {
    case IpcStatus::Ok:
        return "ok";
    case IpcStatus::Timeout:
        return "timeout";
    case IpcStatus::Stopped:
        return "stopped";
    case IpcStatus::Closed:
        return "closed";
    case IpcStatus::NotRecoverable:
        return "not_recoverable";
    case IpcStatus::Failed:
        return "failed";
    }
    return "failed";
}
