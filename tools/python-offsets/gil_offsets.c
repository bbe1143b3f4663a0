/* Prints where the GIL's state lies in one CPython version, from that version's own internal headers, as one
 * row of ProcLab's table (src/core/python/GilOffsetTable.cpp). Build and run with the version's headers:
 *
 *     ./generate.sh 3.11          (uses /usr/include/python3.11, Debian's libpython3.11-dev)
 *
 * Only facts come out of the headers: offsets and sizes as compiled for this machine's ABI. */
#define Py_BUILD_CORE 1
/* Row: major, minor, where the GIL lives, then offsets in bytes: the GIL in _PyRuntime (3.11) or the main
 * interpreter's pointer in _PyRuntime (3.12), the GIL pointer in the interpreter (3.12), the current thread
 * state in _PyRuntime (3.11), in the GIL struct: locked, last_holder, switch_number, cond (the first of its
 * waits), its size, and native_thread_id in PyThreadState. */
/* CPython's ceval_gil.h defines FORCE_SWITCHING before the GIL struct is used; the struct in the header then
 * carries switch_cond and switch_mutex, and its size must say so. */
#define FORCE_SWITCHING 1
#include <Python.h>
#include <internal/pycore_runtime.h>
#include <internal/pycore_interp.h>
#include <stddef.h>
#include <stdio.h>

int main(void)
{
#if PY_VERSION_HEX >= 0x030C0000
    /* 3.12 moved the GIL into the interpreter and made the current thread state thread-local. */
    printf("    {%d, %d, GilLayout::Home::Interpreter, %zu, %zu, %zu, %zu, %zu, %zu, %zu, %zu, %zu},\n",
           PY_MAJOR_VERSION, PY_MINOR_VERSION,
           offsetof(_PyRuntimeState, interpreters.main),
           offsetof(PyInterpreterState, ceval.gil),
           (size_t)0,
#else
    printf("    {%d, %d, GilLayout::Home::Runtime, %zu, %zu, %zu, %zu, %zu, %zu, %zu, %zu, %zu},\n",
           PY_MAJOR_VERSION, PY_MINOR_VERSION,
           offsetof(_PyRuntimeState, ceval.gil),
           (size_t)0,
           offsetof(_PyRuntimeState, gilstate.tstate_current),
#endif
           offsetof(struct _gil_runtime_state, locked),
           offsetof(struct _gil_runtime_state, last_holder),
           offsetof(struct _gil_runtime_state, switch_number),
           offsetof(struct _gil_runtime_state, cond),
           sizeof(struct _gil_runtime_state),
           offsetof(PyThreadState, native_thread_id));
    return 0;
}
