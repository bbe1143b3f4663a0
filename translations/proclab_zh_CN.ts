<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ProcLab</source>
        <translation>关于 ProcLab</translation>
    </message>
    <message>
        <source>&lt;h2&gt;ProcLab %1&lt;/h2&gt;&lt;p&gt;A live lab for Linux processes and threads. Start an experiment — producers and consumers, a zombie, an orphan, a deadlock, a race — and watch what the kernel does with each task: running, ready and waiting for a core, or blocked, and on what.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;ProcLab %1&lt;/h2&gt;&lt;p&gt;Linux 进程与线程的实时实验室。启动一个实验——生产者与消费者、僵尸进程、孤儿进程、死锁、竞争条件——观察内核如何对待每个任务：正在运行、就绪并等待 CPU 核心，还是阻塞，以及阻塞在什么上。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建，运行于 Qt %3。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>BenchCommand</name>
    <message>
        <source>measure the sampler, the queue or the recorder</source>
        <translation>测量采样器、队列或录制器的性能</translation>
    </message>
    <message>
        <source>allowed: %1</source>
        <translation>可用：%1</translation>
    </message>
    <message>
        <source>Threads in the measured helper process (sampler).</source>
        <translation>被测辅助进程中的线程数（sampler）。</translation>
    </message>
    <message>
        <source>Milliseconds between samples (sampler).</source>
        <translation>两次采样之间的毫秒数（sampler）。</translation>
    </message>
    <message>
        <source>How long to measure.</source>
        <translation>测量持续多长时间。</translation>
    </message>
    <message>
        <source>One JSON line on stdout.</source>
        <translation>在 stdout 上输出一行 JSON。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>name one benchmark; %1</source>
        <translation>请指定一个基准测试；%1</translation>
    </message>
    <message>
        <source>--threads must be a whole number from 1 to %1</source>
        <translation>--threads 必须是 1 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>--seconds must be a number from 0.5 to 600</source>
        <translation>--seconds 必须是 0.5 到 600 之间的数</translation>
    </message>
    <message>
        <source>bench recorder takes only --seconds and --json</source>
        <translation>bench recorder 只接受 --seconds 和 --json</translation>
    </message>
    <message>
        <source>bench queue takes only --seconds and --json</source>
        <translation>bench queue 只接受 --seconds 和 --json</translation>
    </message>
    <message>
        <source>--seconds (per round) must be a number from 0.1 to 60</source>
        <translation>--seconds（每轮）必须是 0.1 到 60 之间的数</translation>
    </message>
    <message>
        <source>unknown benchmark &apos;%1&apos;; %2</source>
        <translation>未知的基准测试“%1”；%2</translation>
    </message>
</context>
<context>
    <name>BlockedReason</name>
    <message>
        <source>reading a pipe</source>
        <translation>正在读管道</translation>
    </message>
    <message>
        <source>reading a socket</source>
        <translation>正在读套接字</translation>
    </message>
    <message>
        <source>reading the terminal</source>
        <translation>正在读终端</translation>
    </message>
    <message>
        <source>reading a file (fd %1)</source>
        <translation>正在读文件（fd %1）</translation>
    </message>
    <message>
        <source>writing a pipe (it is full)</source>
        <translation>正在写管道（管道已满）</translation>
    </message>
    <message>
        <source>writing a socket</source>
        <translation>正在写套接字</translation>
    </message>
    <message>
        <source>writing the terminal</source>
        <translation>正在写终端</translation>
    </message>
    <message>
        <source>writing a file (fd %1)</source>
        <translation>正在写文件（fd %1）</translation>
    </message>
    <message>
        <source>waiting on a lock or condition (futex)</source>
        <translation>正在等待锁或条件变量（futex）</translation>
    </message>
    <message>
        <source>waiting for a child</source>
        <translation>正在等待子进程</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>睡眠中</translation>
    </message>
    <message>
        <source>waiting for input or output (poll)</source>
        <translation>正在等待输入或输出（poll）</translation>
    </message>
    <message>
        <source>waiting for a signal</source>
        <translation>正在等待信号</translation>
    </message>
    <message>
        <source>waiting for a connection</source>
        <translation>正在等待连接</translation>
    </message>
    <message>
        <source>connecting a socket</source>
        <translation>正在连接套接字</translation>
    </message>
    <message>
        <source>waiting on a semaphore</source>
        <translation>正在等待信号量</translation>
    </message>
    <message>
        <source>waiting for a message</source>
        <translation>正在等待消息</translation>
    </message>
    <message>
        <source>sending a message (the queue is full)</source>
        <translation>正在发送消息（队列已满）</translation>
    </message>
    <message>
        <source>waiting for a file lock</source>
        <translation>正在等待文件锁</translation>
    </message>
    <message>
        <source>waiting for asynchronous input or output</source>
        <translation>正在等待异步输入或输出</translation>
    </message>
    <message>
        <source>opening a file (a FIFO waits for its other end)</source>
        <translation>正在打开文件（FIFO 在等待另一端）</translation>
    </message>
    <message>
        <source>in system call %1</source>
        <translation>在系统调用 %1 中</translation>
    </message>
    <message>
        <source>waiting on a pipe</source>
        <translation>正在等待管道</translation>
    </message>
    <message>
        <source>waiting for data</source>
        <translation>正在等待数据</translation>
    </message>
    <message>
        <source>stopped by a signal</source>
        <translation>被信号暂停</translation>
    </message>
    <message>
        <source>stopped by a debugger</source>
        <translation>被调试器暂停</translation>
    </message>
    <message>
        <source>waiting for the disk</source>
        <translation>正在等待磁盘</translation>
    </message>
    <message>
        <source>waiting for the file system journal</source>
        <translation>正在等待文件系统日志</translation>
    </message>
    <message>
        <source>kernel worker, idle</source>
        <translation>内核工作线程，空闲</translation>
    </message>
    <message>
        <source>kernel thread, idle</source>
        <translation>内核线程，空闲</translation>
    </message>
    <message>
        <source>in the kernel function %1</source>
        <translation>在内核函数 %1 中</translation>
    </message>
    <message>
        <source>exited; its parent has not reaped it yet</source>
        <translation>已退出；其父进程尚未回收它</translation>
    </message>
    <message>
        <source>in an uninterruptible wait (usually the disk)</source>
        <translation>处于不可中断的等待中（通常是在等磁盘）</translation>
    </message>
    <message>
        <source>waiting (the kernel did not say on what)</source>
        <translation>在等待（内核没有说明在等什么）</translation>
    </message>
</context>
<context>
    <name>ChartStack</name>
    <message>
        <source>CPU per core</source>
        <translation>各核心 CPU</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
</context>
<context>
    <name>CliChecks</name>
    <message>
        <source>--interval takes milliseconds from 50 to 5000, got &apos;%1&apos;</source>
        <translation>--interval 需要 50 到 5000 之间的毫秒数，收到的是“%1”</translation>
    </message>
</context>
<context>
    <name>CliDispatcher</name>
    <message>
        <source>Usage: proclab [COMMAND] [OPTIONS]
ProcLab, a live lab for Linux processes and threads.

Commands:
</source>
        <translation>用法：proclab [命令] [选项]
ProcLab，Linux 进程与线程的实时实验室。

命令：
</translation>
    </message>
    <message>
        <source>open the window (the default)</source>
        <translation>打开窗口（默认）</translation>
    </message>
    <message>
        <source>Options:
  -h, --help     show this help
  -v, --version  show the version

Run `proclab COMMAND --help` for the options of a command.</source>
        <translation>选项：
  -h, --help     显示此帮助
  -v, --version  显示版本

运行 `proclab 命令 --help` 查看某个命令的选项。</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; allowed: %2</source>
        <translation>未知命令“%1”；可用命令：%2</translation>
    </message>
</context>
<context>
    <name>CoreMapWidget</name>
    <message>
        <source>core %1</source>
        <translation>核心 %1</translation>
    </message>
</context>
<context>
    <name>CpuLoadChart</name>
    <message>
        <source>CPU %1 — %2%</source>
        <translation>CPU %1 — %2%</translation>
    </message>
    <message>
        <source>steal</source>
        <translation>窃取</translation>
    </message>
    <message>
        <source>this lab</source>
        <translation>本实验</translation>
    </message>
    <message>
        <source>other programs</source>
        <translation>其他程序</translation>
    </message>
    <message>
        <source>CPU load per core</source>
        <translation>每核 CPU 负载</translation>
    </message>
</context>
<context>
    <name>CpuVersusIoExperiment</name>
    <message>
        <source>CPU-bound versus IO-bound, and the GIL</source>
        <translation>CPU 密集型与 I/O 密集型，以及 GIL</translation>
    </message>
    <message>
        <source>Workers that compute or that wait, as threads or processes, with or without one global lock per process like CPython&apos;s GIL.</source>
        <translation>工作者以线程或进程的形式计算或等待，每个进程可以有也可以没有一把像 CPython 的 GIL 那样的全局锁。</translation>
    </message>
    <message>
        <source>workers (0: as many as cores, at least 2)</source>
        <translation>工作者数量（0：与核心数相同，至少 2 个）</translation>
    </message>
    <message>
        <source>compute, or wait for IO</source>
        <translation>计算，或等待 I/O</translation>
    </message>
    <message>
        <source>threads of one process, or one process each</source>
        <translation>同一进程中的线程，或每个工作者一个进程</translation>
    </message>
    <message>
        <source>one global lock per process, held while computing</source>
        <translation>每个进程一把全局锁，计算时持有</translation>
    </message>
    <message>
        <source>IO wait per item, in ms</source>
        <translation>每个数据项的 I/O 等待时间，单位 ms</translation>
    </message>
    <message>
        <source>No sample of the workers was recorded.</source>
        <translation>没有记录到工作者的任何采样。</translation>
    </message>
    <message>
        <source>IO-bound workers spent %1 % of their time blocked and used %2 core(s) together: waiting costs no CPU, GIL or not.</source>
        <translation>I/O 密集型工作者有 %1 % 的时间处于阻塞状态，合计只用了 %2 个核心：无论有没有 GIL，等待都不消耗 CPU。</translation>
    </message>
    <message>
        <source>%1 CPU-bound workers without a shared lock used %2 core(s) together (of %3).</source>
        <translation>%1 个没有共享锁的 CPU 密集型工作者合计使用了 %2 个核心（共 %3 个）。</translation>
    </message>
    <message>
        <source>Each of the %1 item(s) took the GIL and each wait released it.</source>
        <translation>%1 个工作项每一个都获取了 GIL，每次等待时都释放了它。</translation>
    </message>
    <message>
        <source>With gil=true every item should take the GIL: %1 item(s), %2 acquisition(s).</source>
        <translation>gil=true 时每个工作项都应获取 GIL：%1 个工作项，%2 次获取。</translation>
    </message>
    <message>
        <source>CPython lets only the thread holding the Global Interpreter Lock run Python code. lang=python runs the workers as real python3 threads, and ProcLab reads their GIL from outside: watch the GIL column and band pass from thread to thread, one at a time. lang=cpp (the default) is a C++ stand-in for comparison: gil=true gives each lab process a lock like the GIL: a CPU-bound thread must hold it to compute, so however many threads and cores there are, together they use about one core — watch the running shares add up to ~100 % and the others wait Blocked on the lock. Processes each have their own GIL (using=processes), so they run in parallel on all cores; so do threads without a GIL (gil=false, like C++ or Python 3.13&apos;s free-threaded build). IO-bound work (work=io) releases the GIL while it waits, so threads overlap their waits fine: for IO, threads are enough.</source>
        <translation>CPython 只允许持有全局解释器锁（GIL）的线程运行 Python 代码。lang=python 以真实的 python3 线程运行工作者，ProcLab 从外部读取它们的 GIL：观察 GIL 列和色带如何在线程之间逐一传递，同一时刻只有一个。lang=cpp（默认）是用于对比的 C++ 替身：gil=true 为每个实验进程提供一把类似 GIL 的锁：CPU 密集型线程必须持有它才能计算，因此无论有多少线程和核心，它们合起来只用大约一个核心——观察运行份额加起来约为 100 %，其余线程阻塞在这把锁上。每个进程都有自己的 GIL（using=processes），所以它们在所有核心上并行运行；没有 GIL 的线程也是如此（gil=false，如 C++ 或 Python 3.13 的自由线程版本）。IO 密集型工作（work=io）在等待时释放 GIL，因此线程可以很好地重叠等待：对于 IO，线程就足够了。</translation>
    </message>
    <message>
        <source>a C++ stand-in for the GIL, or real python3 threads and their GIL</source>
        <translation>GIL 的 C++ 替身，或真实的 python3 线程及其 GIL</translation>
    </message>
    <message>
        <source>lang=python always has a GIL (the system&apos;s python3 is not free-threaded): use gil=true, or lang=cpp for threads without one.</source>
        <translation>lang=python 总是有 GIL（系统的 python3 不是自由线程版本）：请使用 gil=true，或用 lang=cpp 运行没有 GIL 的线程。</translation>
    </message>
    <message>
        <source>%1 CPU-bound python3 threads used %2 core(s) together (of %3).</source>
        <translation>%1 个 CPU 密集型 python3 线程合计使用了 %2 个核心（共 %3 个）。</translation>
    </message>
    <message>
        <source>%1 CPU-bound threads sharing one stand-in GIL (a C++ lock, lang=cpp) used %2 core(s) together (of %3).</source>
        <translation>%1 个共享一把替身 GIL（C++ 锁，lang=cpp）的 CPU 密集型线程合计使用了 %2 个核心（共 %3 个）。</translation>
    </message>
    <message>
        <source>%1 CPU-bound python3 processes, a GIL each, used %2 core(s) together (of %3).</source>
        <translation>%1 个 CPU 密集型 python3 进程（各有一个 GIL）合计使用了 %2 个核心（共 %3 个）。</translation>
    </message>
    <message>
        <source>How many cores will the workers use together?</source>
        <translation>这些工作者一共会用多少个核？</translation>
    </message>
    <message>
        <source>Less than one</source>
        <translation>不到一个</translation>
    </message>
    <message>
        <source>About one</source>
        <translation>大约一个</translation>
    </message>
    <message>
        <source>More than one</source>
        <translation>多于一个</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <source>cannot write the CSV files</source>
        <translation>无法写入 CSV 文件</translation>
    </message>
</context>
<context>
    <name>DeadlockExperiment</name>
    <message>
        <source>Deadlock: locks taken in opposite orders</source>
        <translation>死锁：以相反的顺序加锁</translation>
    </message>
    <message>
        <source>Threads in a ring each hold one lock and wait for the next; the wait-for cycle is found and shown.</source>
        <translation>环中的每个线程持有一把锁并等待下一把；ProcLab 找出等待图中的环并显示出来。</translation>
    </message>
    <message>
        <source>Each thread takes its own lock, pauses, then asks for its neighbour&apos;s. Thread 1 holds L1 and waits for L2, thread 2 holds L2 and waits for L3 … and the last waits for L1. Every thread waits for one that waits too: a cycle, so none can ever go on — a deadlock. The threads are Blocked on a futex and use no CPU; nothing the kernel does will end it. ProcLab reads who holds and who waits for each lock from shared memory, draws the wait-for graph and marks the cycle. With ordered=true every thread takes the locks in one global order (lowest number first), a cycle cannot form, and they run for ever.</source>
        <translation>每个线程先取得自己的锁，停顿片刻，再去申请相邻线程的锁。线程 1 持有 L1 并等待 L2，线程 2 持有 L2 并等待 L3……最后一个线程等待 L1。每个线程等待的线程也都在等待：形成了一个环，谁也无法继续执行——这就是死锁。这些线程阻塞在 futex 上，不占用 CPU；内核不会做任何事情来解除它。ProcLab 从共享内存中读出每把锁由谁持有、谁在等待，画出等待图并标出其中的环。若 ordered=true，所有线程都按同一个全局顺序加锁（编号小的先加），环无法形成，它们会一直运行下去。</translation>
    </message>
    <message>
        <source>threads in the ring (one lock each)</source>
        <translation>环中的线程数（每个线程一把锁）</translation>
    </message>
    <message>
        <source>take the locks in one global order (prevents the deadlock)</source>
        <translation>按同一个全局顺序加锁（可防止死锁）</translation>
    </message>
    <message>
        <source>pause between taking the first and the second lock</source>
        <translation>取得第一把锁与申请第二把锁之间的停顿</translation>
    </message>
    <message>
        <source>threads of one process, or one process per member with locks in shared memory</source>
        <translation>同一进程中的线程，或每个成员一个进程、锁放在共享内存中</translation>
    </message>
    <message>
        <source>Locks taken in one order: no deadlock formed; the threads took locks %1 times.</source>
        <translation>按同一顺序加锁：没有形成死锁；线程共加锁 %1 次。</translation>
    </message>
    <message>
        <source>A deadlock formed although the locks were taken in order.</source>
        <translation>虽然按顺序加锁，仍然形成了死锁。</translation>
    </message>
    <message>
        <source>No deadlock, but the threads made no progress either.</source>
        <translation>没有死锁，但线程也没有任何进展。</translation>
    </message>
    <message>
        <source>A deadlock of %1 threads formed: each holds one lock and waits for the next.</source>
        <translation>%1 个线程形成了死锁：每个线程持有一把锁并等待下一把。</translation>
    </message>
    <message>
        <source>No deadlock cycle of %1 threads was detected.</source>
        <translation>没有检测到由 %1 个线程构成的死锁环。</translation>
    </message>
    <message>
        <source>Threads in a ring each take their own lock, then the next thread&apos;s. What happens?</source>
        <translation>环中的每个线程先拿自己的锁，再拿下一个线程的锁。会发生什么？</translation>
    </message>
    <message>
        <source>They all finish their rounds</source>
        <translation>它们都完成了各自的轮次</translation>
    </message>
    <message>
        <source>They wait for each other forever: a deadlock</source>
        <translation>它们永远互相等待：死锁</translation>
    </message>
</context>
<context>
    <name>DeadlockExplainer</name>
    <message>
        <source>thread %1</source>
        <translation>线程 %1</translation>
    </message>
    <message>
        <source>thread %1 (%2)</source>
        <translation>线程 %1（%2）</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>等待 %1</translation>
    </message>
    <message>
        <source>waits for space in the full queue %1</source>
        <translation>等待已满的队列 %1 腾出空间</translation>
    </message>
    <message>
        <source>waits for an item in the empty queue %1</source>
        <translation>等待空队列 %1 中出现数据项</translation>
    </message>
    <message>
        <source>waits for its child process %1 to end</source>
        <translation>等待其子进程 %1 结束</translation>
    </message>
    <message>
        <source>waits to write into the full pipe %1</source>
        <translation>等待向已满的管道 %1 写入</translation>
    </message>
    <message>
        <source>waits to read from the empty pipe %1</source>
        <translation>等待从空管道 %1 读取</translation>
    </message>
    <message>
        <source>waits</source>
        <translation>在等待</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 holds %2 and %3</source>
        <translation>%1 持有 %2，并且%3</translation>
    </message>
    <message>
        <source>It waits for itself and can never go on: this is a deadlock.</source>
        <translation>它在等待自己，永远无法继续：这就是死锁。</translation>
    </message>
    <message>
        <source>Neither can go on: this is a deadlock.</source>
        <translation>双方都无法继续：这就是死锁。</translation>
    </message>
    <message>
        <source>None of these %1 threads can go on: this is a deadlock.</source>
        <translation>这 %1 个线程都无法继续：这就是死锁。</translation>
    </message>
    <message>
        <source>A queue wait would end if any one of the threads on the other side went on, but all of them are blocked here too.</source>
        <translation>只要另一端的任何一个线程继续执行，队列上的等待就会结束，但那些线程也都阻塞在这里。</translation>
    </message>
    <message>
        <source>Taking the locks in one global order (ordered=true) prevents it.</source>
        <translation>按同一个全局顺序加锁（ordered=true）可以防止这种情况。</translation>
    </message>
    <message>
        <source>The parent must read everything the child writes before it waits for the child: drain the pipe, then join.</source>
        <translation>父进程必须先读完子进程写出的全部数据，再等待子进程：先排空管道，再 join。</translation>
    </message>
    <message numerus="yes">
        <source>%n more thread(s) wait behind them and are stuck as well.</source>
        <translation>
            <numerusform>另有 %n 个线程排在它们后面等待，也同样卡住了。</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock %1 is still held by thread %2 of process %3, which is gone.</source>
        <translation>锁 %1 仍由进程 %3 的线程 %2 持有，但该进程已经不存在了。</translation>
    </message>
    <message numerus="yes">
        <source>%1 wait(s) for it and can never go on: nobody is left to unlock it.</source>
        <translation>
            <numerusform>%1 在等待它，永远无法继续：已经没有人能解开这把锁了。</numerusform>
        </translation>
    </message>
    <message>
        <source>A robust mutex (robust=true) hands it to the next waiter with EOWNERDEAD, which repairs the shared data and goes on.</source>
        <translation>健壮互斥锁（robust=true）会以 EOWNERDEAD 把它交给下一个等待者，由它修复共享数据后继续执行。</translation>
    </message>
    <message>
        <source>a thread</source>
        <translation>某个线程</translation>
    </message>
    <message>
        <source>%1 took %2 while holding %3</source>
        <translation>%1 在持有 %3 时获取了 %2</translation>
    </message>
    <message>
        <source>Nothing has to hang yet, but if these threads each take their first lock at the same moment, they deadlock. Taking the locks in one global order prevents it.</source>
        <translation>现在还不一定会卡住，但如果这些线程恰好同时取得各自的第一把锁，就会死锁。按同一个全局顺序加锁可以防止这种情况。</translation>
    </message>
    <message>
        <source>waits for nothing</source>
        <translation>什么也不等</translation>
    </message>
    <message>
        <source>waits for lock %1</source>
        <translation>等待锁 %1</translation>
    </message>
    <message>
        <source>blocked on lock %1</source>
        <translation>阻塞在锁 %1 上</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>The telemetry says %1 %2, but the kernel shows it %3. One of the two is out of date or wrong.</source>
        <translation>遥测数据称 %1 %2，但内核看到的是：%3。两者之一已过时或有误。</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>a sentence made of several clauses</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two clauses of one sentence</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>waits for room in queue %1</source>
        <translation>等待队列 %1 腾出空位</translation>
    </message>
    <message>
        <source>waits for an item in queue %1</source>
        <translation>等待队列 %1 中的数据项</translation>
    </message>
    <message>
        <source>blocked inside queue %1</source>
        <translation>阻塞在队列 %1 内部</translation>
    </message>
    <message>
        <source>blocked on a futex at 0x%1, which is no known lock or queue</source>
        <translation>阻塞在地址 0x%1 的 futex 上，它不是任何已知的锁或队列</translation>
    </message>
    <message>
        <source>asleep in another system call, not on any futex</source>
        <translation>睡眠在另一个系统调用中，不在任何 futex 上</translation>
    </message>
</context>
<context>
    <name>ElfSymbolReader</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>not an ELF file (too short)</source>
        <translation>不是 ELF 文件（太短）</translation>
    </message>
    <message>
        <source>not an ELF file</source>
        <translation>不是 ELF 文件</translation>
    </message>
    <message>
        <source>not a 64-bit little-endian ELF file</source>
        <translation>不是 64 位小端 ELF 文件</translation>
    </message>
    <message>
        <source>ELF program headers malformed</source>
        <translation>ELF 程序头格式错误</translation>
    </message>
    <message>
        <source>ELF section headers malformed</source>
        <translation>ELF 节头格式错误</translation>
    </message>
    <message>
        <source>ELF program headers lie outside the file</source>
        <translation>ELF 程序头超出了文件范围</translation>
    </message>
    <message>
        <source>ELF file has no loadable segment</source>
        <translation>ELF 文件没有可加载的段</translation>
    </message>
    <message>
        <source>ELF section headers lie outside the file</source>
        <translation>ELF 节头超出了文件范围</translation>
    </message>
    <message>
        <source>ELF symbol table malformed</source>
        <translation>ELF 符号表格式错误</translation>
    </message>
    <message>
        <source>ELF symbol table lies outside the file or is too large</source>
        <translation>ELF 符号表超出了文件范围或过大</translation>
    </message>
</context>
<context>
    <name>EmptyTableHint</name>
    <message>
        <source>No tasks yet. Choose an experiment on the left and press Start (F5): its processes and threads appear here, with their state and why they wait.</source>
        <translation>还没有任务。在左侧选择一个实验并按“开始”（F5）：它的进程和线程会显示在这里，连同它们的状态和等待原因。</translation>
    </message>
    <message>
        <source>No task matches the filter.</source>
        <translation>没有任务符合筛选条件。</translation>
    </message>
    <message>
        <source>No task had started yet at this moment of the recording: press Play or drag the time line below.</source>
        <translation>录制的这一时刻还没有任务开始：按“播放”或拖动下方的时间轴。</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Time (s)</source>
        <translation>时间（s）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>parent %1 → %2</source>
        <translation>父进程 %1 → %2</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>被 %1 终止</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>exit status unknown (reaped by its parent)</source>
        <translation>退出状态未知（已被其父进程回收）</translation>
    </message>
</context>
<context>
    <name>EventLogPanel</name>
    <message>
        <source>Kinds</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Show only some kinds of event</source>
        <translation>只显示某些类型的事件</translation>
    </message>
    <message>
        <source>Filter by PID or TID, or a word</source>
        <translation>按 PID、TID 或关键词筛选</translation>
    </message>
    <message>
        <source>Filter events by task</source>
        <translation>按任务筛选事件</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
</context>
<context>
    <name>EventLoopWatch</name>
    <message>
        <source>PROCLAB_STALL_REPORT: cannot write %1 (%2); the event loop is not measured</source>
        <translation>PROCLAB_STALL_REPORT：无法写入 %1（%2）；不测量事件循环</translation>
    </message>
</context>
<context>
    <name>ExecCommand</name>
    <message>
        <source>run your own program (a Python multiprocessing script, say) and watch its processes and threads</source>
        <translation>运行你自己的程序（例如一个 Python multiprocessing 脚本），观察它的进程和线程</translation>
    </message>
    <message>
        <source>Sampling interval in ms (50–5000, default 100).</source>
        <translation>采样间隔，单位 ms（50–5000，默认 100）。</translation>
    </message>
    <message>
        <source>Record the session into FILE.</source>
        <translation>将会话录制到 FILE。</translation>
    </message>
    <message>
        <source>Events as JSON lines on stdout; the program&apos;s output on stderr.</source>
        <translation>在 stdout 上以 JSON 行输出事件；程序自身的输出写到 stderr。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>The program to run, and its arguments, after --.</source>
        <translation>要运行的程序及其参数，写在 -- 之后。</translation>
    </message>
    <message>
        <source>allowed: %1</source>
        <translation>可用：%1</translation>
    </message>
    <message>
        <source>which program? usage: proclab exec [%1]</source>
        <translation>运行哪个程序？用法：proclab exec [%1]</translation>
    </message>
    <message>
        <source>proclab exec: session recorded in %1</source>
        <translation>proclab exec：会话已录制到 %1</translation>
    </message>
</context>
<context>
    <name>Experiment</name>
    <message>
        <source>ProcLab may use %1 core(s) here; this lesson needs %2 free cores</source>
        <translation>ProcLab 在这里可用 %1 个核心；本实验需要 %2 个空闲核心</translation>
    </message>
    <message>
        <source>other programs used %1 of %2 cores; this lesson needs %3 free cores</source>
        <translation>其他程序占用了 %2 个核心中的 %1 个；本实验需要 %3 个空闲核心</translation>
    </message>
</context>
<context>
    <name>ExperimentPanel</name>
    <message>
        <source>The same in Python:</source>
        <translation>用 Python 写是这样的：</translation>
    </message>
    <message>
        <source>Search experiments</source>
        <translation>搜索实验</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Parameters (⟳: can change while running)</source>
        <translation>参数（⟳：运行中可修改）</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Step mode: I am the scheduler</source>
        <translation>单步模式：由我来调度</translation>
    </message>
    <message>
        <source>Every thread of the lesson stops before each of its steps (load, store, acquire, release, put, get) until you grant it one: press the thread&apos;s number, double-click its row, or use Step (F10).</source>
        <translation>本课的每个线程在它的每一步（读取、写入、获取、释放、放入、取出）之前停下，直到你授予它一步：按下该线程的编号，双击它所在的行，或使用“单步”（F10）。</translation>
    </message>
</context>
<context>
    <name>ExperimentRun</name>
    <message>
        <source>Could not create the shared memory of the experiment: %1</source>
        <translation>无法为实验创建共享内存：%1</translation>
    </message>
    <message>
        <source>Could not create the shared memory for the experiment&apos;s figures.</source>
        <translation>无法为实验的统计数据创建共享内存。</translation>
    </message>
    <message>
        <source>Could not create a pipe: %1</source>
        <translation>无法创建管道：%1</translation>
    </message>
    <message>
        <source>%1 cannot change while the experiment runs</source>
        <translation>实验运行期间不能修改 %1</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>write a recorded session as JSON Lines, CSV tables or an HTML report</source>
        <translation>将录制的会话导出为 JSON Lines、CSV 表格或 HTML 报告</translation>
    </message>
    <message>
        <source>the session file (.jsonl) to export</source>
        <translation>要导出的会话文件（.jsonl）</translation>
    </message>
    <message>
        <source>the output format: %1</source>
        <translation>输出格式：%1</translation>
    </message>
    <message>
        <source>the file to write (csv also writes STEM.tasks.csv, STEM.cpus.csv and STEM.queues.csv beside it)</source>
        <translation>要写入的文件（csv 格式还会在其旁边写出 STEM.tasks.csv、STEM.cpus.csv 和 STEM.queues.csv）</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>显示此帮助</translation>
    </message>
    <message>
        <source>usage: proclab export SESSION --format %1 --output FILE</source>
        <translation>用法：proclab export SESSION --format %1 --output FILE</translation>
    </message>
    <message>
        <source>no session file given</source>
        <translation>没有给出会话文件</translation>
    </message>
    <message>
        <source>one session file at a time</source>
        <translation>一次只能导出一个会话文件</translation>
    </message>
    <message>
        <source>--format is missing; %1</source>
        <translation>缺少 --format；%1</translation>
    </message>
    <message>
        <source>--output is missing; %1</source>
        <translation>缺少 --output；%1</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;; allowed: %2</source>
        <translation>未知格式“%1”；可用：%2</translation>
    </message>
    <message>
        <source>--output needs a file name</source>
        <translation>--output 需要一个文件名</translation>
    </message>
    <message>
        <source>proclab export: warning: %1: %2</source>
        <translation>proclab export：警告：%1：%2</translation>
    </message>
</context>
<context>
    <name>FigureLabels</name>
    <message>
        <source>Updates lost</source>
        <translation>丢失的更新</translation>
    </message>
    <message>
        <source>Increments made</source>
        <translation>执行的自增次数</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>计数器</translation>
    </message>
    <message>
        <source>Parent&apos;s value</source>
        <translation>父进程的值</translation>
    </message>
    <message>
        <source>apply: all tasks took</source>
        <translation>apply：全部任务用时</translation>
    </message>
    <message>
        <source>apply_async: all tasks took</source>
        <translation>apply_async：全部任务用时</translation>
    </message>
    <message>
        <source>map: all tasks took</source>
        <translation>map：全部任务用时</translation>
    </message>
    <message>
        <source>Cores used together</source>
        <translation>共同使用的核心数</translation>
    </message>
    <message>
        <source>GIL held by</source>
        <translation>GIL 持有者</translation>
    </message>
    <message>
        <source>Items done</source>
        <translation>完成的条目</translation>
    </message>
    <message>
        <source>GIL acquisitions</source>
        <translation>GIL 获取次数</translation>
    </message>
    <message>
        <source>Polling consumer on a core</source>
        <translation>轮询消费者占用核心</translation>
    </message>
    <message>
        <source>Blocking consumer on a core</source>
        <translation>阻塞消费者占用核心</translation>
    </message>
    <message>
        <source>Items the polling consumer got</source>
        <translation>轮询消费者取到的条目</translation>
    </message>
    <message>
        <source>Items the blocking consumer got</source>
        <translation>阻塞消费者取到的条目</translation>
    </message>
    <message>
        <source>Ready, waiting for a core</source>
        <translation>就绪，等待核心</translation>
    </message>
    <message>
        <source>Running on a core</source>
        <translation>在核心上运行</translation>
    </message>
    <message>
        <source>Lock holder killed</source>
        <translation>被杀死的锁持有者</translation>
    </message>
    <message>
        <source>Waiting for the dead owner&apos;s lock</source>
        <translation>等待已死持有者之锁的线程</translation>
    </message>
    <message>
        <source>Lock taken since the kill</source>
        <translation>杀死后锁被获取的次数</translation>
    </message>
    <message>
        <source>Owner deaths reported</source>
        <translation>报告的持有者死亡次数</translation>
    </message>
    <message>
        <source>Orphans adopted</source>
        <translation>被收养的孤儿进程</translation>
    </message>
    <message>
        <source>Zombies holding a PID</source>
        <translation>占着 PID 的僵尸进程</translation>
    </message>
    <message>
        <source>Threads in the deadlock cycle</source>
        <translation>死锁环中的线程数</translation>
    </message>
    <message>
        <source>Lock acquisitions</source>
        <translation>锁获取次数</translation>
    </message>
    <message>
        <source>Child finished and joined</source>
        <translation>子进程已结束并被 join</translation>
    </message>
    <message>
        <source>Items in the queue</source>
        <translation>队列中的条目</translation>
    </message>
    <message>
        <source>Producers blocked (queue full)</source>
        <translation>阻塞的生产者（队列已满）</translation>
    </message>
    <message>
        <source>Consumers blocked (queue empty)</source>
        <translation>阻塞的消费者（队列为空）</translation>
    </message>
    <message>
        <source>Items through the queue</source>
        <translation>经过队列的条目</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>TID %1</source>
        <translation>TID %1</translation>
    </message>
    <message>
        <source>nobody (free)</source>
        <translation>无人（空闲）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>%1 (the children saw %2)</source>
        <translation>%1（子进程看到的是 %2）</translation>
    </message>
    <message>
        <source>%1 of %2, by PID %3</source>
        <translation>%1 / %2，由 PID %3 收养</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>被 %1 杀死</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 (PID %2)</source>
        <translation>%1（PID %2）</translation>
    </message>
    <message>
        <source>GIL held (real CPython)</source>
        <translation>GIL 被持有（真实 CPython）</translation>
    </message>
    <message>
        <source>GIL hand-overs</source>
        <translation>GIL 交接次数</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1（%2 %）</translation>
    </message>
</context>
<context>
    <name>FrameRowBuilder</name>
    <message>
        <source>held %1 when killed at %2 s</source>
        <translation>被杀死时持有 %1（%2 秒）</translation>
    </message>
    <message>
        <source>held %1 when it ended at %2 s</source>
        <translation>结束时持有 %1（%2 秒）</translation>
    </message>
    <message>
        <source>parent of 1 orphan, killed at %1 s</source>
        <translation>1 个孤儿进程的父进程，于 %1 秒被杀死</translation>
    </message>
    <message>
        <source>parent of 1 orphan, ended at %1 s</source>
        <translation>1 个孤儿进程的父进程，于 %1 秒结束</translation>
    </message>
    <message>
        <source>parent of %1 orphans, killed at %2 s</source>
        <translation>%1 个孤儿进程的父进程，于 %2 秒被杀死</translation>
    </message>
    <message>
        <source>parent of %1 orphans, ended at %2 s</source>
        <translation>%1 个孤儿进程的父进程，于 %2 秒结束</translation>
    </message>
    <message>
        <source>zombie (killed by %1), reaped at %2 s</source>
        <translation>僵尸进程（被 %1 杀死），于 %2 秒被回收</translation>
    </message>
    <message>
        <source>zombie (exit code %1), reaped at %2 s</source>
        <translation>僵尸进程（退出码 %1），于 %2 秒被回收</translation>
    </message>
</context>
<context>
    <name>FutexCrossCheck</name>
    <message numerus="yes">
        <source>ProcLab asked the kernel what %n waiting thread(s) were blocked on: it confirmed what the telemetry said for %1 of them; %2 disagreement(s) lasted and were reported.</source>
        <translation>
            <numerusform>ProcLab 向内核询问了 %n 个等待线程阻塞在什么上：其中 %1 个与遥测数据一致；%2 处不一致持续存在并已报告。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of /proc could not be read (no ptrace rights, or the thread was gone).</source>
        <translation>
            <numerusform>有 %n 个 /proc 文件无法读取（没有 ptrace 权限，或线程已经结束）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GilWaitNamer</name>
    <message>
        <source>waiting for the GIL</source>
        <translation>等待 GIL</translation>
    </message>
</context>
<context>
    <name>GuiOptions</name>
    <message>
        <source>Open the ProcLab window.</source>
        <translation>打开 ProcLab 窗口。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Select the experiment ID.</source>
        <translation>选择编号为 ID 的实验。</translation>
    </message>
    <message>
        <source>Set an experiment parameter (repeatable).</source>
        <translation>设置实验参数（可重复）。</translation>
    </message>
    <message>
        <source>Sampling interval in milliseconds (50–5000).</source>
        <translation>采样间隔，单位毫秒（50–5000）。</translation>
    </message>
    <message>
        <source>Start the selected experiment at once.</source>
        <translation>立即启动所选实验。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;; the window takes only options</source>
        <translation>多余的参数“%1”；窗口只接受选项</translation>
    </message>
    <message>
        <source>--set takes KEY=VALUE, got &apos;%1&apos;</source>
        <translation>--set 需要 KEY=VALUE 形式，收到的是“%1”</translation>
    </message>
    <message>
        <source>--interval takes milliseconds from %1 to %2, got &apos;%3&apos;</source>
        <translation>--interval 需要 %1 到 %2 之间的毫秒数，收到的是“%3”</translation>
    </message>
    <message>
        <source>--lang takes %1, got &apos;%2&apos;</source>
        <translation>--lang 可取 %1，收到的是“%2”</translation>
    </message>
    <message>
        <source>--set needs --experiment ID; experiments: %1</source>
        <translation>--set 需要配合 --experiment ID 使用；可选实验：%1</translation>
    </message>
    <message>
        <source>unknown experiment &apos;%1&apos;; allowed: %2</source>
        <translation>未知实验“%1”；可选：%2</translation>
    </message>
    <message>
        <source>Open a recorded session for replay, as Session ▸ Open… does.</source>
        <translation>打开一个录制的会话进行回放，与“会话 ▸ 打开…”相同。</translation>
    </message>
    <message>
        <source>--open takes a session file (.jsonl)</source>
        <translation>--open 需要一个会话文件（.jsonl）</translation>
    </message>
    <message>
        <source>--open replays a recording and --start runs an experiment: give one of them</source>
        <translation>--open 回放录制，--start 运行实验：只能给出其中一个</translation>
    </message>
    <message>
        <source>Step mode: the lesson&apos;s threads wait for you to grant each step.</source>
        <translation>单步模式：本课的线程等待你授予每一步。</translation>
    </message>
    <message>
        <source>--step needs an experiment with step mode: %1</source>
        <translation>--step 需要一个有单步模式的实验：%1</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Processes and threads</source>
        <translation>进程与线程</translation>
    </message>
    <message>
        <source>A &lt;b&gt;process&lt;/b&gt; is a running program with its own memory; its PID names it. A &lt;b&gt;thread&lt;/b&gt; is one line of execution inside a process; the threads of a process share its memory. Linux schedules threads (tasks), each with its own TID; the first thread&apos;s TID equals the PID.</source>
        <translation>&lt;b&gt;进程&lt;/b&gt;是正在运行的程序，拥有自己的内存，以 PID 标识。&lt;b&gt;线程&lt;/b&gt;是进程内的一条执行流；同一进程的各个线程共享该进程的内存。Linux 调度的单位是线程（任务），每个线程有自己的 TID；第一个线程的 TID 等于 PID。</translation>
    </message>
    <message>
        <source>States</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The bar in the task list shows how the last interval was spent: running on a core, ready in the run queue (more busy threads than cores), or blocked.</source>
        <translation>任务列表中的状态条显示上一个采样间隔的时间是怎样度过的：在核心上运行、在就绪队列中就绪（忙碌的线程多于核心），或者阻塞。</translation>
    </message>
    <message>
        <source>Zombies and orphans</source>
        <translation>僵尸进程与孤儿进程</translation>
    </message>
    <message>
        <source>When a process ends, its parent must collect its exit status (wait). Until then it is a &lt;b&gt;zombie&lt;/b&gt;: nothing runs, but its PID stays taken. A process whose parent dies is an &lt;b&gt;orphan&lt;/b&gt;; it is adopted by a subreaper (here: ProcLab) and its PPID changes.</source>
        <translation>进程结束时，其父进程必须收集它的退出状态（wait）。在此之前它是一个&lt;b&gt;僵尸进程&lt;/b&gt;：什么都不执行，但它的 PID 仍被占用。父进程先于自己死亡的进程是&lt;b&gt;孤儿进程&lt;/b&gt;；它会被一个子进程收割者（这里是 ProcLab）收养，其 PPID 随之改变。</translation>
    </message>
    <message>
        <source>Locks, queues and deadlocks</source>
        <translation>锁、队列与死锁</translation>
    </message>
    <message>
        <source>A thread that waits for a lock, for room in a full queue or for an item in an empty one is blocked. When threads wait for each other in a circle, none can go on: a &lt;b&gt;deadlock&lt;/b&gt;. The wait-for graph shows the circle in red. Taking locks in one global order prevents it.</source>
        <translation>等待锁、等待已满队列腾出空间或等待空队列出现数据项的线程处于阻塞状态。当多个线程围成一圈互相等待时，谁也无法继续：这就是&lt;b&gt;死锁&lt;/b&gt;。等待图用红色标出这个环。按同一个全局顺序加锁可以防止死锁。</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>SIGTERM asks a process to end, SIGKILL ends it at once, SIGSTOP freezes it and SIGCONT lets it go on. Signals go to whole processes: one thread cannot be killed from outside, it can only be asked to finish.</source>
        <translation>SIGTERM 请求进程结束，SIGKILL 立即结束进程，SIGSTOP 将进程暂停，SIGCONT 让它继续运行。信号发送给整个进程：无法从外部杀死单个线程，只能请求它自行结束。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Concept guide — ProcLab</source>
        <translation>概念指南 — ProcLab</translation>
    </message>
    <message>
        <source>Keyboard shortcuts — ProcLab</source>
        <translation>键盘快捷键 — ProcLab</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HtmlReportExporter</name>
    <message>
        <source>cannot write: %1</source>
        <translation>无法写入：%1</translation>
    </message>
    <message>
        <source>ProcLab session: %1</source>
        <translation>ProcLab 会话：%1</translation>
    </message>
    <message>
        <source>en</source>
        <comment>HTML language code</comment>
        <translation>zh-CN</translation>
    </message>
    <message>
        <source>ProcLab session report</source>
        <translation>ProcLab 会话报告</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>What this experiment shows</source>
        <translation>本实验展示的内容</translation>
    </message>
    <message>
        <source>Load per CPU core</source>
        <translation>各 CPU 核心的负载</translation>
    </message>
    <message>
        <source>Share of each core that was busy (user + system time), from /proc/stat.</source>
        <translation>每个核心处于忙碌状态（用户态 + 内核态时间）的比例，取自 /proc/stat。</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>队列深度</translation>
    </message>
    <message>
        <source>Items waiting in each queue; producers block when it reaches the capacity, consumers when it is empty.</source>
        <translation>每个队列中等待的数据项数；队列达到容量时生产者阻塞，队列为空时消费者阻塞。</translation>
    </message>
    <message>
        <source>Thread states</source>
        <translation>线程状态</translation>
    </message>
    <message>
        <source>One lane per thread: running on a core, ready (runnable but waiting for a core), or blocked (waiting for something: a lock, a queue, a pipe, a child, a timer).</source>
        <translation>每个线程一条泳道：在核心上运行、就绪（可以运行但在等待核心），或阻塞（在等待某样东西：锁、队列、管道、子进程、定时器）。</translation>
    </message>
    <message numerus="yes">
        <source>%n more thread(s) not drawn.</source>
        <translation>
            <numerusform>另有 %n 个线程未画出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Written by ProcLab %1 on %2. Samples (task.sample, cpu.sample, queue.sample) are in the charts above; export as CSV for every figure.</source>
        <translation>由 ProcLab %1 于 %2 生成。采样数据（task.sample、cpu.sample、queue.sample）见上方图表；如需全部数据，请导出为 CSV。</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>核心数</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>No verdict</source>
        <translation>无结论</translation>
    </message>
    <message>
        <source>The session ended before the experiment&apos;s check ran (no phenomenon event was recorded).</source>
        <translation>会话在实验的检查运行之前就结束了（没有记录到 phenomenon 事件）。</translation>
    </message>
    <message>
        <source>Phenomenon observed</source>
        <translation>已观察到现象</translation>
    </message>
    <message>
        <source>Phenomenon not observed</source>
        <translation>未观察到现象</translation>
    </message>
    <message>
        <source>This session has no parameters.</source>
        <translation>本会话没有参数。</translation>
    </message>
    <message>
        <source>parent %1 → %2</source>
        <translation>父进程 %1 → %2</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>TID %1 waits for %2, held by %3</source>
        <translation>TID %1 等待 %2，它由 %3 持有</translation>
    </message>
    <message>
        <source>No events other than samples were recorded.</source>
        <translation>除采样外没有记录到其他事件。</translation>
    </message>
    <message>
        <source>t (s)</source>
        <translation>t（s）</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>details</source>
        <translation>详情</translation>
    </message>
    <message numerus="yes">
        <source>%n later event(s) not listed; the JSONL and CSV exports hold them all.</source>
        <translation>
            <numerusform>后面还有 %n 个事件未列出；JSONL 和 CSV 导出文件包含全部事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Phenomenon inconclusive</source>
        <translation>现象无法判定</translation>
    </message>
    <message>
        <source>Pool tasks</source>
        <translation>进程池任务</translation>
    </message>
    <message>
        <source>One lane per worker process, one bar per task: apply runs one task at a time, apply_async and map keep every worker busy. The dashed lines mark when each mode&apos;s last task ended.</source>
        <translation>每个工作进程一条泳道，每个任务一根条：apply 一次只运行一个任务，apply_async 和 map 让每个工作进程都忙起来。虚线标出每种模式最后一个任务结束的时刻。</translation>
    </message>
    <message>
        <source>Wait-for graph</source>
        <translation>等待图</translation>
    </message>
    <message>
        <source>The deadlock found: each thread holds what the one before it waits for, so none can go on.</source>
        <translation>发现的死锁：每个线程都持有前一个线程所等待的东西，因此谁也无法继续。</translation>
    </message>
    <message>
        <source>Measured while it ran</source>
        <translation>运行期间的测量值</translation>
    </message>
    <message>
        <source>Process %1: %2</source>
        <translation>进程 %1：%2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 seen</source>
        <translation>观察到 %1 次</translation>
    </message>
    <message>
        <source>The GIL of process %1</source>
        <translation>进程 %1 的 GIL</translation>
    </message>
    <message>
        <source>CPython&apos;s GIL, read %1 times a second from the process&apos;s memory: it was held %2 % of the time, by one thread at a time, and handed over %3 times. Each thread&apos;s share of the time it held it:</source>
        <translation>CPython 的 GIL，每秒从进程内存中读取 %1 次：它在 %2 % 的时间里被持有，同一时刻只由一个线程持有，共交接 %3 次。各线程持有它的时间比例：</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>GIL held</source>
        <translation>持有 GIL</translation>
    </message>
</context>
<context>
    <name>InterpreterLocator</name>
    <message>
        <source>GIL not shown for Python %1: this build&apos;s GIL is not where ProcLab expects it</source>
        <translation>不显示 Python %1 的 GIL：此构建的 GIL 不在 ProcLab 预期的位置</translation>
    </message>
    <message>
        <source>Yama&apos;s ptrace_scope is 1: only programs ProcLab started may be read</source>
        <translation>Yama 的 ptrace_scope 为 1：只能读取 ProcLab 启动的程序</translation>
    </message>
    <message>
        <source>Yama&apos;s ptrace_scope is %1</source>
        <translation>Yama 的 ptrace_scope 为 %1</translation>
    </message>
    <message>
        <source>the kernel refused process_vm_readv</source>
        <translation>内核拒绝了 process_vm_readv</translation>
    </message>
    <message>
        <source>no GIL (free-threaded build)</source>
        <translation>没有 GIL（自由线程构建）</translation>
    </message>
    <message>
        <source>GIL not shown for Python %1</source>
        <translation>不显示 Python %1 的 GIL</translation>
    </message>
    <message>
        <source>GIL not shown for Python %1: %2</source>
        <translation>不显示 Python %1 的 GIL：%2</translation>
    </message>
    <message>
        <source>GIL not shown for Python %1: %2 has no _PyRuntime symbol</source>
        <translation>不显示 Python %1 的 GIL：%2 没有 _PyRuntime 符号</translation>
    </message>
    <message>
        <source>GIL not shown for Python %1: _PyRuntime is not readable</source>
        <translation>不显示 Python %1 的 GIL：_PyRuntime 不可读</translation>
    </message>
    <message>
        <source>GIL shown for Python %1 (from its debug offsets)</source>
        <translation>显示 Python %1 的 GIL（依据其调试偏移）</translation>
    </message>
    <message>
        <source>GIL shown for Python %1</source>
        <translation>显示 Python %1 的 GIL</translation>
    </message>
    <message>
        <source>it belongs to another user</source>
        <translation>它属于另一个用户</translation>
    </message>
    <message>
        <source>GIL not shown: reading another program&apos;s memory is not allowed here (process %1: %2)</source>
        <translation>未显示 GIL：此处不允许读取另一个程序的内存（进程 %1：%2）</translation>
    </message>
</context>
<context>
    <name>IsolationExperiment</name>
    <message>
        <source>Isolation: processes do not share data</source>
        <translation>隔离：进程之间不共享数据</translation>
    </message>
    <message>
        <source>Children each change &apos;their&apos; copy of a variable and the parent&apos;s stays as it was; threads change the one variable they share.</source>
        <translation>每个子进程修改的是“自己的”变量副本，父进程的变量保持不变；而线程修改的是它们共享的同一个变量。</translation>
    </message>
    <message>
        <source>A new process gets a copy of its parent&apos;s memory (copy-on-write after fork, or a fresh interpreter with spawn). When a child changes a global variable it changes its own copy: the parent never sees it. Threads live in one address space, so a change by any thread is the change. Here the parent holds value = 100; each child or thread sets it to its own number and reports what it sees; then the parent reports its value. With using=processes the parent still has 100; with using=threads it has whatever the last thread wrote. To share data between processes you need shared memory (multiprocessing.Value, Array), a Manager, or messages (Queue, Pipe).</source>
        <translation>新进程得到的是父进程内存的一份副本（fork 之后写时复制，或用 spawn 启动一个全新的解释器）。子进程修改全局变量时，改的是自己的副本：父进程永远看不到。线程生活在同一个地址空间中，所以任何一个线程的修改就是对这个变量本身的修改。这里父进程持有 value = 100；每个子进程或线程把它设为自己的编号，并报告自己看到的值；然后父进程报告它的值。using=processes 时父进程的值仍是 100；using=threads 时它是最后一个线程写入的值。要在进程之间共享数据，需要共享内存（multiprocessing.Value、Array）、Manager 或消息（Queue、Pipe）。</translation>
    </message>
    <message>
        <source>children (or threads) that change the value</source>
        <translation>修改该值的子进程（或线程）数</translation>
    </message>
    <message>
        <source>separate processes, or threads of one process</source>
        <translation>独立的进程，或同一进程中的线程</translation>
    </message>
    <message>
        <source>The parent did not report its value.</source>
        <translation>父进程没有报告它的值。</translation>
    </message>
    <message>
        <source>Each child changed its own copy; the parent&apos;s value is still %1.</source>
        <translation>每个子进程修改的都是自己的副本；父进程的值仍为 %1。</translation>
    </message>
    <message>
        <source>Expected the parent&apos;s value to stay %1; it is %2.</source>
        <translation>预期父进程的值保持为 %1，实际为 %2。</translation>
    </message>
    <message>
        <source>The threads changed the one shared value: the parent now sees %1 (was %2).</source>
        <translation>线程修改的是同一个共享的值：父进程现在看到的是 %1（原为 %2）。</translation>
    </message>
    <message>
        <source>Expected the threads to change the parent&apos;s value; it is still %1.</source>
        <translation>预期线程会修改父进程的值，但它仍为 %1。</translation>
    </message>
    <message>
        <source>Children change a variable they got from their parent. What does the parent see afterwards?</source>
        <translation>子进程修改了从父进程得到的变量。之后父进程看到的是什么？</translation>
    </message>
    <message>
        <source>Its own value, unchanged</source>
        <translation>它自己的值，没有变化</translation>
    </message>
    <message>
        <source>The children&apos;s changes</source>
        <translation>子进程所做的修改</translation>
    </message>
</context>
<context>
    <name>JoinDeadlockExperiment</name>
    <message>
        <source>Join deadlock: joining a child that still has data to send</source>
        <translation>join 死锁：join 一个仍有数据要发送的子进程</translation>
    </message>
    <message>
        <source>The parent waits for its child to end; the child waits for the parent to read the pipe. Neither goes on.</source>
        <translation>父进程等待子进程结束；子进程等待父进程读取管道。双方都无法继续。</translation>
    </message>
    <message>
        <source>Python&apos;s multiprocessing guidelines warn: a process that has put items on a queue will not end until they are all flushed into the pipe underneath — so joining it before the queue is emptied can deadlock. Here the child writes more than the pipe can hold (a pipe buffers 64 KiB) and blocks in write() until somebody reads. The parent calls join — waitid() — before reading, and blocks until the child ends. Parent waits for child, child waits for parent: a cycle through a pipe. ProcLab shows it as parent → child → pipe → parent. With drain_first=true the parent reads everything before joining, and both end.</source>
        <translation>Python 的 multiprocessing 编程指南警告：一个向队列放入过数据项的进程，要等这些数据项全部写入底层管道后才会结束——所以在队列被取空之前就 join 它，可能导致死锁。这里子进程写入的数据超过管道的容量（管道缓冲 64 KiB），于是阻塞在 write() 中，直到有人读取。父进程在读取之前先调用 join——即 waitid()——并一直阻塞到子进程结束。父进程等子进程，子进程等父进程：这是一个经过管道的环。ProcLab 将其显示为 父进程 → 子进程 → 管道 → 父进程。若 drain_first=true，父进程先读完所有数据再 join，双方都能结束。</translation>
    </message>
    <message>
        <source>KiB the child writes into the pipe</source>
        <translation>子进程写入管道的数据量，单位 KiB</translation>
    </message>
    <message>
        <source>read the pipe before joining (avoids the deadlock)</source>
        <translation>在 join 之前先读取管道（可避免死锁）</translation>
    </message>
    <message>
        <source>The parent read the pipe first; the child finished and was joined.</source>
        <translation>父进程先读取了管道；子进程已结束并被 join。</translation>
    </message>
    <message>
        <source>Expected the child to finish once the parent drained the pipe.</source>
        <translation>预期父进程排空管道后子进程会结束。</translation>
    </message>
    <message>
        <source>Deadlock: the parent waits for the child to end, the child waits for the parent to read the pipe.</source>
        <translation>死锁：父进程等待子进程结束，子进程等待父进程读取管道。</translation>
    </message>
    <message>
        <source>No cycle parent → child → pipe → parent was detected.</source>
        <translation>没有检测到 父进程 → 子进程 → 管道 → 父进程 的环。</translation>
    </message>
    <message>
        <source>A parent joins a child that is still writing into a full pipe. What happens?</source>
        <translation>父进程 join 一个仍在向已满管道写入的子进程。会发生什么？</translation>
    </message>
    <message>
        <source>The join returns once the child has written everything</source>
        <translation>子进程写完所有数据后 join 返回</translation>
    </message>
    <message>
        <source>Parent and child wait for each other forever</source>
        <translation>父进程和子进程永远互相等待</translation>
    </message>
</context>
<context>
    <name>JsonlExporter</name>
    <message>
        <source>cannot write: %1</source>
        <translation>无法写入：%1</translation>
    </message>
</context>
<context>
    <name>KeyboardPaths</name>
    <message>
        <source>No live deadlock to break: %1 kills a process of a deadlock&apos;s cycle while the experiment runs.</source>
        <translation>没有可打破的实时死锁：实验运行时，%1 会杀死死锁环中的一个进程。</translation>
    </message>
    <message>
        <source>Go to the e&amp;xperiment list</source>
        <translation>转到实验列表(&amp;X)</translation>
    </message>
    <message>
        <source>Go to the &amp;task table</source>
        <translation>转到任务表(&amp;T)</translation>
    </message>
</context>
<context>
    <name>KillHoldingLockExperiment</name>
    <message>
        <source>Killed while holding a lock</source>
        <translation>持有锁时被杀死</translation>
    </message>
    <message>
        <source>Processes share one lock; one of them is killed while it holds it. The others block for ever — unless the lock is robust.</source>
        <translation>多个进程共用一把锁；其中一个在持有锁时被杀死。其余进程会永远阻塞——除非这把锁是健壮的。</translation>
    </message>
    <message>
        <source>Python&apos;s documentation warns that terminate() on a process that holds a lock (or is using a queue) can leave the others stuck: the lock is never released, because the only code that would release it died. Here several processes take turns on one lock in shared memory; ProcLab kills the one holding it. The others wait on the lock for ever: Blocked, with the owner&apos;s TID gone. ProcLab reports &apos;lock owner dead&apos;. With robust=true the lock is a robust mutex: the kernel notices the owner died and the next process to lock it is told so (EOWNERDEAD), repairs the shared data, marks the lock consistent, and everyone goes on.</source>
        <translation>Python 文档警告：对一个持有锁（或正在使用队列）的进程调用 terminate()，可能让其他进程卡住：锁再也不会被释放，因为唯一会释放它的代码已经死了。这里几个进程轮流使用共享内存中的同一把锁；ProcLab 杀死正持有它的那个进程。其余进程会永远等待这把锁：处于阻塞状态，而锁的持有者 TID 已不存在。ProcLab 报告“锁的持有者已死亡”。若 robust=true，这把锁是健壮互斥锁：内核会察觉持有者已死亡，下一个加锁的进程会得到通知（EOWNERDEAD），由它修复共享数据、将锁标记为一致，然后所有进程继续运行。</translation>
    </message>
    <message>
        <source>processes taking turns on the lock</source>
        <translation>轮流使用这把锁的进程数</translation>
    </message>
    <message>
        <source>make the lock robust (survives its owner&apos;s death)</source>
        <translation>使锁成为健壮锁（持有者死亡后仍可用）</translation>
    </message>
    <message>
        <source>seconds before the lock&apos;s holder is killed</source>
        <translation>杀死锁的持有者之前等待的秒数</translation>
    </message>
    <message>
        <source>The lock&apos;s holder was never caught holding it, so nobody was killed.</source>
        <translation>始终没有抓到持有锁的进程，所以没有杀死任何进程。</translation>
    </message>
    <message>
        <source>The holder was killed; the next locker got EOWNERDEAD, repaired the lock, and the others went on (%1 more acquisitions).</source>
        <translation>持有者被杀死；下一个加锁者得到 EOWNERDEAD，修复了锁，其余进程继续运行（之后又加锁 %1 次）。</translation>
    </message>
    <message>
        <source>The holder was killed but the others did not recover the robust lock.</source>
        <translation>持有者被杀死，但其余进程没有恢复这把健壮锁。</translation>
    </message>
    <message>
        <source>The holder was killed holding the lock: nobody took it again, the others wait for ever (owner dead reported).</source>
        <translation>持有者在持有锁时被杀死：再也没有人取得这把锁，其余进程永远等待（已报告持有者死亡）。</translation>
    </message>
    <message>
        <source>Expected the others to stay blocked and the dead owner to be reported; saw %1 acquisitions after the kill.</source>
        <translation>预期其余进程保持阻塞并报告持有者死亡；但杀死之后又加锁了 %1 次。</translation>
    </message>
    <message>
        <source>The process killed was not the one the lock&apos;s owner word named just before the kill.</source>
        <translation>被终止的进程并不是终止前锁的所有者字所指明的那个进程。</translation>
    </message>
    <message>
        <source>A process is killed while it holds a lock the others want. What do the others do?</source>
        <translation>一个进程在持有其他进程想要的锁时被杀死。其他进程会怎样？</translation>
    </message>
    <message>
        <source>They take the lock as if nothing happened</source>
        <translation>它们照常拿到锁，就像什么都没发生</translation>
    </message>
    <message>
        <source>They wait for it forever</source>
        <translation>它们永远等待这把锁</translation>
    </message>
    <message>
        <source>They are told its owner died, repair it and go on</source>
        <translation>它们得知锁的持有者已死，修复锁后继续运行</translation>
    </message>
</context>
<context>
    <name>LabController</name>
    <message>
        <source>The session is stopping; no new lab process is started.</source>
        <translation>会话正在停止；不再启动新的实验进程。</translation>
    </message>
    <message>
        <source>The session&apos;s cap of %1 lab processes is reached: end some before starting more.</source>
        <translation>已达到本会话 %1 个实验进程的上限：请先结束一些进程，再启动新的。</translation>
    </message>
    <message>
        <source>The proclab-worker program was not found beside proclab (or in PROCLAB_WORKER).</source>
        <translation>在 proclab 所在目录（或 PROCLAB_WORKER 指定的位置）找不到 proclab-worker 程序。</translation>
    </message>
    <message>
        <source>Process %1 is not a running lab process that takes commands.</source>
        <translation>进程 %1 不是正在运行、可接受命令的实验进程。</translation>
    </message>
    <message>
        <source>Process %1 did not take the command.</source>
        <translation>进程 %1 没有接受该命令。</translation>
    </message>
    <message>
        <source>The session&apos;s cap of %1 lab threads is reached: stop some before starting more.</source>
        <translation>已达到本会话 %1 个实验线程的上限：请先停止一些线程，再启动新的。</translation>
    </message>
    <message>
        <source>Only SIGTERM, SIGKILL, SIGINT, SIGSTOP and SIGCONT can be sent to lab processes.</source>
        <translation>只能向实验进程发送 SIGTERM、SIGKILL、SIGINT、SIGSTOP 和 SIGCONT。</translation>
    </message>
    <message>
        <source>Process %1 is not a running lab process; no signal was sent.</source>
        <translation>进程 %1 不是正在运行的实验进程；未发送信号。</translation>
    </message>
    <message>
        <source>Sending %1 to process %2 failed: %3.</source>
        <translation>向进程 %2 发送 %1 失败：%3。</translation>
    </message>
    <message>
        <source>Process %1 is not a zombie kept by this session.</source>
        <translation>进程 %1 不是本会话保留的僵尸进程。</translation>
    </message>
    <message>
        <source>Reaping process %1 failed: %2.</source>
        <translation>回收进程 %1 失败：%2。</translation>
    </message>
    <message>
        <source>Process %1 could not start a %2 thread: %3. The session goes on.</source>
        <translation>进程 %1 无法启动 %2 线程：%3。会话继续进行。</translation>
    </message>
    <message>
        <source>Process %1 could not fork a child: %2. The session goes on.</source>
        <translation>进程 %1 无法 fork 子进程：%2。会话继续进行。</translation>
    </message>
    <message>
        <source>Process %1 refused a command: %2.</source>
        <translation>进程 %1 拒绝了一条命令：%2。</translation>
    </message>
</context>
<context>
    <name>LabTaskAnnotator</name>
    <message>
        <source>queue full (Q%1)</source>
        <translation>队列已满（Q%1）</translation>
    </message>
    <message>
        <source>queue empty (Q%1)</source>
        <translation>队列为空（Q%1）</translation>
    </message>
    <message>
        <source>lock %1 held by TID %2</source>
        <translation>锁 %1 被 TID %2 持有</translation>
    </message>
    <message>
        <source>lock %1</source>
        <translation>锁 %1</translation>
    </message>
    <message>
        <source>waiting for child %1</source>
        <translation>正在等待子进程 %1</translation>
    </message>
    <message>
        <source>writing into a full pipe</source>
        <translation>正在写入已满的管道</translation>
    </message>
    <message>
        <source>reading an empty pipe</source>
        <translation>正在读取空管道</translation>
    </message>
    <message>
        <source>paused before: store %1 ← %2</source>
        <translation>暂停于：写入 %1 ← %2 之前</translation>
    </message>
    <message>
        <source>paused before: load %1</source>
        <translation>暂停于：读取 %1 之前</translation>
    </message>
    <message>
        <source>paused before: acquire %1</source>
        <translation>暂停于：获取 %1 之前</translation>
    </message>
    <message>
        <source>paused before: release %1</source>
        <translation>暂停于：释放 %1 之前</translation>
    </message>
    <message>
        <source>paused before: put an item</source>
        <translation>暂停于：放入一项之前</translation>
    </message>
    <message>
        <source>paused before: get an item</source>
        <translation>暂停于：取出一项之前</translation>
    </message>
</context>
<context>
    <name>LessonJournal</name>
    <message>
        <source>cannot write the lesson journal %1: %2</source>
        <translation>无法写入学习记录 %1：%2</translation>
    </message>
    <message>
        <source>the lesson journal %1 is not a regular file of yours; it was left alone</source>
        <translation>学习记录 %1 不是属于你的普通文件；未对其作任何改动</translation>
    </message>
    <message>
        <source>cannot shorten the lesson journal %1: %2</source>
        <translation>无法缩短学习记录 %1：%2</translation>
    </message>
    <message>
        <source>cannot read the lesson journal %1: %2</source>
        <translation>无法读取学习记录 %1：%2</translation>
    </message>
    <message>
        <source>the lesson journal %1 is not a regular file of yours; it was not read</source>
        <translation>学习记录 %1 不是属于你的普通文件；未读取它</translation>
    </message>
</context>
<context>
    <name>LessonPath</name>
    <message>
        <source>Processes and programs</source>
        <translation>进程与程序</translation>
    </message>
    <message>
        <source>A process is a running program with its own PID and parent; when the parent dies first, another process adopts its children.</source>
        <translation>进程是正在运行的程序，有自己的 PID 和父进程；父进程先死时，它的子进程会被另一个进程收养。</translation>
    </message>
    <message>
        <source>Concurrency on one core</source>
        <translation>单核上的并发</translation>
    </message>
    <message>
        <source>More runnable threads than cores take turns: the ones waiting for a core are Ready, not Running.</source>
        <translation>可运行的线程多于核心时只能轮流运行：等待核心的线程处于“就绪”，而不是“运行”。</translation>
    </message>
    <message>
        <source>Threads versus processes</source>
        <translation>线程与进程</translation>
    </message>
    <message>
        <source>Threads share their process&apos;s memory; processes each have their own, so a child&apos;s change stays in the child.</source>
        <translation>线程共享所在进程的内存；进程各有自己的内存，所以子进程的修改只留在子进程里。</translation>
    </message>
    <message>
        <source>The GIL</source>
        <translation>GIL（全局解释器锁）</translation>
    </message>
    <message>
        <source>In CPython one lock lets one thread run Python code at a time: CPU-bound threads use one core, waiting for I/O does not hold it.</source>
        <translation>在 CPython 中，一把锁让同一时刻只有一个线程执行 Python 代码：CPU 密集的线程只能用到一个核心，而等待 I/O 时不持有这把锁。</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>进程池</translation>
    </message>
    <message>
        <source>A pool hands tasks to a fixed set of worker processes; blocking apply runs them one by one, apply_async and map in parallel.</source>
        <translation>进程池把任务交给固定的一组工作进程；阻塞的 apply 逐个执行任务，apply_async 和 map 则并行执行。</translation>
    </message>
    <message>
        <source>Queues and pipes</source>
        <translation>队列与管道</translation>
    </message>
    <message>
        <source>A bounded queue or a pipe between producers and consumers blocks the fast side when it is full or empty.</source>
        <translation>生产者与消费者之间的有界队列或管道在满或空时会阻塞较快的一方。</translation>
    </message>
    <message>
        <source>Locks and races</source>
        <translation>锁与竞争条件</translation>
    </message>
    <message>
        <source>Unsynchronised read-modify-write loses updates; locks taken in a cycle wait for each other forever.</source>
        <translation>不同步的“读-改-写”会丢失更新；按环形顺序获取的锁会永远互相等待。</translation>
    </message>
    <message>
        <source>Terminate: zombies and deadlocks</source>
        <translation>终止：僵尸进程与死锁</translation>
    </message>
    <message>
        <source>An ended child stays a zombie until its parent reaps it; killing a lock&apos;s holder or joining a child that waits on a full pipe leaves others waiting.</source>
        <translation>结束的子进程在父进程回收它之前一直是僵尸进程；杀死持锁者，或 join 一个正在等待已满管道的子进程，会让其他人一直等下去。</translation>
    </message>
    <message>
        <source>Blocking versus polling</source>
        <translation>阻塞与轮询</translation>
    </message>
    <message>
        <source>A consumer that blocks waits without using the CPU; one that polls burns a core asking &quot;anything yet?&quot;.</source>
        <translation>阻塞的消费者等待时不占用 CPU；轮询的消费者则不停地问“有了吗？”，白白耗掉一个核心。</translation>
    </message>
</context>
<context>
    <name>LessonPathDialog</name>
    <message numerus="yes">
        <source>%n line(s) of the journal were not runs and were left out.</source>
        <translation>
            <numerusform>学习记录中有 %n 行不是运行记录，已略过。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>(skipped)</source>
        <translation>（跳过）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 of %2 experiments run · %3 predictions made, %4 right</source>
        <translation>已运行 %1 / %2 个实验 · 作出 %3 次预测，%4 次正确</translation>
    </message>
    <message>
        <source>Save the lesson path</source>
        <translation>保存学习路径</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML 页面 (*.html)</translation>
    </message>
    <message>
        <source>Lesson path</source>
        <translation>学习路径</translation>
    </message>
    <message>
        <source>The experiments in the order the tutorials teach them. Predict before each run; the run&apos;s own figures say which choice was right. Double-click an experiment to take it.</source>
        <translation>按教程讲授顺序排列的实验。每次运行前先作预测；运行自己的数据会说明哪个选项正确。双击一个实验即可开始。</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <source>The run proved</source>
        <translation>运行证明</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Your &amp;name (on the page):</source>
        <translation>你的姓名（显示在页面上）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Open experiment</source>
        <translation>打开实验(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save for your teacher…</source>
        <translation>保存给老师(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>LessonPathReport</name>
    <message>
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <source>Inconclusive: the run proved none of the choices</source>
        <translation>无法判定：运行没有证明任何一个选项</translation>
    </message>
    <message>
        <source>No prediction made</source>
        <translation>未作预测</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Not quite</source>
        <translation>不太对</translation>
    </message>
    <message>
        <source>en</source>
        <comment>HTML language code</comment>
        <translation>zh-CN</translation>
    </message>
    <message>
        <source>ProcLab lesson path</source>
        <translation>ProcLab 学习路径</translation>
    </message>
    <message>
        <source>Lesson path</source>
        <translation>学习路径</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Experiments run</source>
        <translation>已运行的实验</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Predictions made</source>
        <translation>作出的预测</translation>
    </message>
    <message>
        <source>Predictions right</source>
        <translation>预测正确</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>The run proved</source>
        <translation>运行证明</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>(skipped)</source>
        <translation>（跳过）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (%2 right of %3 predicted)</source>
        <translation>%1（%3 次预测中 %2 次正确）</translation>
    </message>
</context>
<context>
    <name>LimitReport</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>the system refused a new task (%1): the system&apos;s limit on processes and threads (kernel.pid_max, kernel.threads-max) is reached</source>
        <translation>系统拒绝创建新任务（%1）：已达到系统的进程和线程上限（kernel.pid_max、kernel.threads-max）</translation>
    </message>
    <message>
        <source>the system refused a new task (%1): the per-user limit on processes and threads (RLIMIT_NPROC) is %2, and this user runs %3 of them</source>
        <translation>系统拒绝创建新任务（%1）：每用户进程和线程上限（RLIMIT_NPROC）为 %2，而该用户已运行 %3 个</translation>
    </message>
    <message>
        <source>out of file descriptors (%1): the open-file limit (RLIMIT_NOFILE) is %2, and %3 are open</source>
        <translation>文件描述符用尽（%1）：打开文件上限（RLIMIT_NOFILE）为 %2，已打开 %3 个</translation>
    </message>
    <message>
        <source>the system&apos;s table of open files is full (%1, fs.file-max)</source>
        <translation>系统的打开文件表已满（%1，fs.file-max）</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Limits — ProcLab</source>
        <translation>限制 — ProcLab</translation>
    </message>
    <message>
        <source>An experiment that asks for more is told so, and the session goes on. The new limits apply from the next Start.</source>
        <translation>实验申请超出限制时会得到提示，会话继续进行。新的限制从下一次开始实验时生效。</translation>
    </message>
    <message>
        <source>Lab processes at most:</source>
        <translation>实验进程数上限：</translation>
    </message>
    <message>
        <source>Lab threads at most:</source>
        <translation>实验线程数上限：</translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message>
        <source>list the experiments and their parameters</source>
        <translation>列出实验及其参数</translation>
    </message>
    <message>
        <source>One JSON array on stdout.</source>
        <translation>在 stdout 上输出一个 JSON 数组。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>; allowed: --json</source>
        <translation>；可用：--json</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;; allowed: --json</source>
        <translation>多余的参数“%1”；可用：--json</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a parameter&apos;s description and what it allows</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ProcLab</source>
        <translation>ProcLab</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Experiment</source>
        <translation>实验(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About ProcLab</source>
        <translation>关于 ProcLab(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Sampling &amp;interval</source>
        <translation>采样间隔(&amp;I)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Events and analysis</source>
        <translation>事件与分析</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Wait-for graph</source>
        <translation>等待图</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Export session…</source>
        <translation>导出会话(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Start the experiment (F5, Ctrl+R)</source>
        <translation>开始实验（F5、Ctrl+R）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the experiment and end every lab process (Shift+F5)</source>
        <translation>停止实验并结束所有实验进程（Shift+F5）</translation>
    </message>
    <message>
        <source>Shift+F5</source>
        <translation>Shift+F5</translation>
    </message>
    <message>
        <source>&amp;Reset parameters</source>
        <translation>重置参数(&amp;R)</translation>
    </message>
    <message>
        <source>Put every parameter back to its default</source>
        <translation>将所有参数恢复为默认值</translation>
    </message>
    <message>
        <source>&amp;Filter tasks</source>
        <translation>筛选任务(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>L&amp;imits…</source>
        <translation>限制(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Record sessions to files</source>
        <translation>将会话录制到文件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Freeze display</source>
        <translation>冻结显示(&amp;F)</translation>
    </message>
    <message>
        <source>Hold the display still; the experiment and its recording go on (F6)</source>
        <translation>冻结画面；实验及其录制仍在继续（F6）</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>&amp;Concept guide</source>
        <translation>概念指南(&amp;C)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 已改为 %2。</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>Stopped. Observed: %1</source>
        <translation>已停止。已观察到：%1</translation>
    </message>
    <message>
        <source>Stopped. Not observed: %1</source>
        <translation>已停止。未观察到：%1</translation>
    </message>
    <message>
        <source>ProcLab — %1</source>
        <translation>ProcLab — %1</translation>
    </message>
    <message>
        <source>Stop the experiment before opening a session.</source>
        <translation>请先停止实验，再打开会话。</translation>
    </message>
    <message>
        <source>Nothing to export yet: run an experiment with recording on, or open a session.</source>
        <translation>还没有可导出的内容：请在开启录制的情况下运行一个实验，或者打开一个会话。</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>导出会话</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Show the timeline tab: which thread ran on each core, and every thread&apos;s state over time</source>
        <translation>显示“时间线”标签页：每个核心上运行的是哪个线程，以及每个线程的状态随时间的变化</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Event log</source>
        <translation>事件日志(&amp;E)</translation>
    </message>
    <message>
        <source>Show the event log tab</source>
        <translation>显示“事件日志”标签页</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Wait-for graph</source>
        <translation>等待图(&amp;W)</translation>
    </message>
    <message>
        <source>Show the wait-for graph tab: who waits for whom, and the cycle of a deadlock</source>
        <translation>显示“等待图”标签页：谁在等待谁，以及死锁形成的环</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Session information</source>
        <translation>会话信息(&amp;S)</translation>
    </message>
    <message>
        <source>Show the session tab: parameters, file, and whether the phenomenon was observed</source>
        <translation>显示“会话”标签页：参数、文件，以及是否观察到了现象</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>A deadlock was detected: open this tab to see its cycle.</source>
        <translation>检测到死锁：打开此标签页查看它的环。</translation>
    </message>
    <message>
        <source>Stop the program first (Session ▸ Stop program / replay).</source>
        <translation>请先停止程序（会话 ▸ 停止程序／回放）。</translation>
    </message>
    <message>
        <source>Stopped. Inconclusive (%1): %2</source>
        <translation>已停止。无法判定（%1）：%2</translation>
    </message>
    <message>
        <source>Pool (Gantt)</source>
        <translation>进程池（甘特图）</translation>
    </message>
    <message>
        <source>&amp;Lesson path…</source>
        <translation>学习路径(&amp;L)…</translation>
    </message>
    <message>
        <source>The experiments in teaching order, with your predictions and results (Ctrl+P)</source>
        <translation>按教学顺序排列的实验，附你的预测和结果（Ctrl+P）</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>This ProcLab has no experiment &apos;%1&apos;.</source>
        <translation>此版本的 ProcLab 没有实验“%1”。</translation>
    </message>
</context>
<context>
    <name>OrphanExperiment</name>
    <message>
        <source>Orphan: the parent dies first</source>
        <translation>孤儿进程：父进程先死亡</translation>
    </message>
    <message>
        <source>A lab process with children is killed; its children are adopted by ProcLab, the subreaper, and their parent PID changes.</source>
        <translation>一个有子进程的实验进程被杀死；它的子进程被子进程收割者 ProcLab 收养，其父进程 PID 随之改变。</translation>
    </message>
    <message>
        <source>Every process has a parent. When a parent dies before its children, they become orphans and the kernel gives them a new parent: the nearest ancestor that declared itself a &apos;subreaper&apos;, or init (PID 1). ProcLab is a subreaper, so it adopts them: watch the PPID column of the children change from the killed parent to ProcLab&apos;s own PID. The orphans keep running; killing a parent does not kill its children (in Python too: terminate() on a Process leaves the processes it started).</source>
        <translation>每个进程都有父进程。当父进程先于子进程死亡时，子进程就成了孤儿进程，内核会给它们指定一个新的父进程：最近的一个声明自己是“子进程收割者”（subreaper）的祖先进程，或者 init（PID 1）。ProcLab 是子进程收割者，所以它会收养这些孤儿进程：请观察子进程的 PPID 列从被杀死的父进程变为 ProcLab 自己的 PID。孤儿进程会继续运行；杀死父进程并不会杀死它的子进程（在 Python 中也一样：对 Process 调用 terminate()，它启动的进程会留下来）。</translation>
    </message>
    <message>
        <source>parent processes</source>
        <translation>父进程数</translation>
    </message>
    <message>
        <source>children each parent forks</source>
        <translation>每个父进程 fork 的子进程数</translation>
    </message>
    <message>
        <source>seconds before the parents are killed</source>
        <translation>杀死父进程之前等待的秒数</translation>
    </message>
    <message>
        <source>%1 of %2 orphan(s) were re-parented to PID %3 when their parent was killed.</source>
        <translation>父进程被杀死时，%2 个孤儿进程中有 %1 个被重新指定父进程为 PID %3。</translation>
    </message>
    <message>
        <source>%1 of %2 orphan(s) were seen re-parented between their parent&apos;s kill and the stop.</source>
        <translation>在父进程被终止到停止之间，观察到 %2 个孤儿进程中有 %1 个被重新指定了父进程。</translation>
    </message>
    <message>
        <source>The parent of running children is killed. What happens to the children?</source>
        <translation>正在运行的子进程的父进程被杀死了。子进程会怎样？</translation>
    </message>
    <message>
        <source>They die with their parent</source>
        <translation>它们随父进程一起死亡</translation>
    </message>
    <message>
        <source>They live on, adopted by a new parent</source>
        <translation>它们继续运行，被新的父进程收养</translation>
    </message>
</context>
<context>
    <name>OutputTarget</name>
    <message>
        <source>an output needs a file name</source>
        <translation>输出需要一个文件名</translation>
    </message>
    <message>
        <source>cannot write %1: its folder does not exist</source>
        <translation>无法写入 %1：其所在文件夹不存在</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1: its folder is not writable</source>
        <translation>无法写入 %1：其所在文件夹不可写</translation>
    </message>
    <message>
        <source>%1 is a link that another user made in the shared folder %2; refused, as the kernel&apos;s protected_symlinks rule says</source>
        <translation>%1 是另一个用户在共享文件夹 %2 中创建的链接；按照内核 protected_symlinks 规则予以拒绝</translation>
    </message>
    <message>
        <source>%1 is a link to a file that does not exist; give the file itself</source>
        <translation>%1 是指向不存在文件的链接；请直接给出文件本身</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file name</source>
        <translation>%1 是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <source>%1 is not a regular file, a character device or a FIFO; refused</source>
        <translation>%1 不是普通文件、字符设备或 FIFO；已拒绝</translation>
    </message>
    <message>
        <source>cannot write %1 in place</source>
        <translation>无法原地写入 %1</translation>
    </message>
    <message>
        <source>cannot write %1: it changed while it was being opened</source>
        <translation>无法写入 %1：打开它的过程中它被改动了</translation>
    </message>
</context>
<context>
    <name>OversubscribeExperiment</name>
    <message>
        <source>Oversubscription: more busy workers than cores</source>
        <translation>超额订阅：忙碌的工作者多于核心</translation>
    </message>
    <message>
        <source>Twice as many CPU-bound workers as cores: each spends part of its time Ready, waiting for a core.</source>
        <translation>CPU 密集型工作者的数量是核心数的两倍：每个工作者都有一部分时间处于就绪状态，等待核心。</translation>
    </message>
    <message>
        <source>A core runs one thread at a time. With more runnable threads than cores, the scheduler gives each a time slice in turn; between its slices a thread is Ready — it could run, but no core is free. Tools like top show Running and Ready alike as &apos;R&apos;; ProcLab tells them apart from the kernel&apos;s own accounting (schedstat: time on a core and time waiting in the run queue). With twice as many workers as cores each runs about half the time and waits the other half. pin=true puts all of them on one core, and the Ready share grows further. This is multiprogramming: the CPU is shared in time.</source>
        <translation>一个核心同一时刻只能运行一个线程。当可运行的线程多于核心时，调度器轮流给每个线程分配时间片；在两个时间片之间，线程处于就绪状态——它可以运行，但没有空闲的核心。top 之类的工具把运行和就绪都显示为“R”；ProcLab 则根据内核自己的统计（schedstat：在核心上运行的时间和在就绪队列中等待的时间）将两者区分开来。当工作者数量是核心数的两倍时，每个工作者大约一半时间在运行，另一半时间在等待。pin=true 把它们全部绑定到同一个核心上，就绪占比会进一步增大。这就是多道程序设计：CPU 按时间分享。</translation>
    </message>
    <message>
        <source>busy workers (0: twice the number of cores)</source>
        <translation>忙碌的工作者数（0：核心数的两倍）</translation>
    </message>
    <message>
        <source>one process per worker, or threads of one process</source>
        <translation>每个工作者一个进程，或同一进程中的线程</translation>
    </message>
    <message>
        <source>pin every worker to core 0</source>
        <translation>将所有工作者绑定到核心 0</translation>
    </message>
    <message>
        <source>%1 worker(s) on %2 core(s): no more workers than cores, so little Ready time (mean %3).</source>
        <translation>%2 个核心上运行 %1 个工作者：工作者不多于核心，因此就绪时间很少（平均 %3）。</translation>
    </message>
    <message>
        <source>%1 busy workers on %2 core(s): each was Ready (waiting for a core) %3 % of the time and running %4 %.</source>
        <translation>%2 个核心上运行 %1 个忙碌的工作者：每个工作者有 %3 % 的时间处于就绪状态（等待核心），%4 % 的时间在运行。</translation>
    </message>
    <message>
        <source>The workers were Ready only %1 % of the time on average (expected at least 25 %).</source>
        <translation>工作者平均只有 %1 % 的时间处于就绪状态（预期至少 25 %）。</translation>
    </message>
    <message>
        <source>More busy workers than cores. Is a worker ever ready to run but waiting for a core?</source>
        <translation>忙碌的工作者比核多。会不会有工作者已就绪却在等待核？</translation>
    </message>
    <message>
        <source>No: each always has a core</source>
        <translation>不会：每个总有一个核</translation>
    </message>
    <message>
        <source>Yes: a clear share of the time</source>
        <translation>会：占相当一部分时间</translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <source>Allowed: %1</source>
        <translation>可用值：%1</translation>
    </message>
    <message>
        <source>Can change while the experiment runs.</source>
        <translation>可在实验运行期间修改。</translation>
    </message>
</context>
<context>
    <name>ParameterSpec</name>
    <message>
        <source>an integer from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>a number from %1 to %2</source>
        <translation>%1 到 %2 之间的数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>以下之一：%1</translation>
    </message>
    <message>
        <source>%1 takes %2, got &apos;%3&apos;</source>
        <translation>%1 的取值应为 %2，收到的是“%3”</translation>
    </message>
</context>
<context>
    <name>ParameterValues</name>
    <message>
        <source>--set takes KEY=VALUE, got &apos;%1&apos;</source>
        <translation>--set 需要 KEY=VALUE 形式，收到的是“%1”</translation>
    </message>
    <message>
        <source>unknown parameter &apos;%1&apos;; this experiment takes none</source>
        <translation>未知参数“%1”；该实验没有参数</translation>
    </message>
    <message>
        <source>unknown parameter &apos;%1&apos;; allowed: %2</source>
        <translation>未知参数“%1”；可用：%2</translation>
    </message>
</context>
<context>
    <name>PathCommand</name>
    <message>
        <source>show the lesson path with your predictions and results, or write it as an HTML page</source>
        <translation>显示学习路径及你的预测和结果，或将其写成 HTML 页面</translation>
    </message>
    <message>
        <source>One JSON object on stdout.</source>
        <translation>在标准输出上输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Write the lesson path as one self-contained HTML page.</source>
        <translation>把学习路径写成一个独立的 HTML 页面。</translation>
    </message>
    <message>
        <source>The learner&apos;s name at the top of the page.</source>
        <translation>页面顶部显示的学习者姓名。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>allowed: --json, --html FILE, --learner NAME</source>
        <translation>允许：--json、--html FILE、--learner NAME</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;; %2</source>
        <translation>多余的参数“%1”；%2</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of %1 were not runs and were left out</source>
        <translation>
            <numerusform>%1 中有 %n 行不是运行记录，已略过</numerusform>
        </translation>
    </message>
    <message>
        <source>--learner takes a name of at most %1 characters</source>
        <translation>--learner 的姓名最多 %1 个字符</translation>
    </message>
</context>
<context>
    <name>PipeChannel</name>
    <message>
        <source>a pipe record holds 1 to %1 bytes</source>
        <translation>管道记录的长度为 1 到 %1 字节</translation>
    </message>
    <message>
        <source>cannot create a pipe: %1</source>
        <translation>无法创建管道：%1</translation>
    </message>
    <message>
        <source>a pipe channel needs an open end and records of 1 to %1 bytes</source>
        <translation>管道通道需要一个已打开的端点，且记录长度为 1 到 %1 字节</translation>
    </message>
    <message>
        <source>descriptor %1 is not usable as a pipe end</source>
        <translation>描述符 %1 不能用作管道端点</translation>
    </message>
</context>
<context>
    <name>PollingExperiment</name>
    <message>
        <source>Blocking versus polling</source>
        <translation>阻塞与轮询</translation>
    </message>
    <message>
        <source>Two consumers wait for the same slow producer: one blocks in get(), one polls in a loop and burns a core doing nothing useful.</source>
        <translation>两个消费者等待同一个慢速生产者：一个在 get() 中阻塞，另一个在循环中轮询，白白占满一个核心。</translation>
    </message>
    <message>
        <source>A blocking call such as queue.get() asks the kernel to put the thread to sleep until there is something to get: it is Blocked and costs no CPU at all. A polling loop asks &apos;anything yet?&apos; again and again (get_nowait() in a loop, catching Empty): it is always Running, uses a whole core, and gets its items no sooner. Compare the two consumers&apos; CPU % and their running/blocked bars. Polling is a mistake whenever a blocking call (or select/poll/epoll on many sources) can do the waiting.</source>
        <translation>像 queue.get() 这样的阻塞调用会请求内核让线程睡眠，直到有东西可取：线程处于阻塞状态，完全不消耗 CPU。轮询循环则一遍又一遍地问“有了吗？”（在循环中调用 get_nowait() 并捕获 Empty）：它始终处于运行状态，占满一整个核心，却并不会更早拿到数据项。请比较两个消费者的 CPU % 以及它们的运行/阻塞状态条。只要阻塞调用（或对多个来源使用 select/poll/epoll）能完成等待，轮询就是错误的做法。</translation>
    </message>
    <message>
        <source>time between two items of the producer, in ms</source>
        <translation>生产者两次产出之间的间隔，单位 ms</translation>
    </message>
    <message>
        <source>run the polling consumer beside the blocking one</source>
        <translation>在阻塞消费者旁边运行轮询消费者</translation>
    </message>
    <message>
        <source>The blocking consumer ran %1 % of the time: it sleeps while it waits.</source>
        <translation>阻塞消费者有 %1 % 的时间在运行：它在等待时处于睡眠状态。</translation>
    </message>
    <message>
        <source>Expected the polling consumer to burn most of a core and the blocking one almost none; saw %1 % and %2 %.</source>
        <translation>预期轮询消费者占用几乎一整个核心，而阻塞消费者几乎不占用；实际为 %1 % 和 %2 %。</translation>
    </message>
    <message>
        <source>The polling consumer ran %1 % of the time and got %3 item(s); the blocking one ran %2 % and got %4.</source>
        <translation>轮询的消费者运行了 %1 % 的时间，取得 %3 个数据项；阻塞的消费者运行了 %2 %，取得 %4 个。</translation>
    </message>
    <message>
        <source>No item reached either consumer (the polling one got %1, the blocking one %2).</source>
        <translation>两个消费者都没有收到数据项（轮询的收到 %1 个，阻塞的收到 %2 个）。</translation>
    </message>
    <message>
        <source>A consumer waits for items that come rarely. How much CPU does it use while it waits?</source>
        <translation>一个消费者在等待很少到来的数据项。它在等待时用多少 CPU？</translation>
    </message>
    <message>
        <source>Almost none: it sleeps</source>
        <translation>几乎不用：它在睡眠</translation>
    </message>
    <message>
        <source>Most of a core: it keeps asking</source>
        <translation>接近一个核：它不停地询问</translation>
    </message>
</context>
<context>
    <name>PoolExperiment</name>
    <message>
        <source>Process pool: apply, apply_async, map</source>
        <translation>进程池：apply、apply_async、map</translation>
    </message>
    <message>
        <source>A pool of worker processes runs CPU-bound tasks; apply waits for each task, apply_async and map keep every worker busy. A Gantt chart shows which worker ran what, when.</source>
        <translation>一个由工作进程组成的池运行 CPU 密集型任务；apply 逐个等待每个任务，apply_async 和 map 则让每个工作进程都保持忙碌。甘特图显示哪个工作进程在何时运行了什么任务。</translation>
    </message>
    <message>
        <source>Pool.apply(f, args) sends one task to a worker and blocks until its result comes back, so the tasks run one after another however many workers there are: the makespan is the sum of the task times. apply_async() and map() hand out all the tasks at once; the workers take them from a shared task queue and run in parallel, limited by the number of cores: the makespan drops to about the sum divided by min(workers, cores). Watch the Gantt chart: with apply, one bar at a time; with apply_async, a bar on every worker. The tasks burn CPU time, so more workers than cores only share the cores (their bars stretch).</source>
        <translation>Pool.apply(f, args) 把一个任务发给一个工作进程，然后阻塞直到结果返回，所以无论有多少工作进程，任务都是一个接一个地运行：总完成时间（makespan）是各任务时间之和。apply_async() 和 map() 一次性分发所有任务；工作进程从共享的任务队列中取任务并行运行，并行度受核心数限制：总完成时间降到大约总和除以 min(工作进程数, 核心数)。请观察甘特图：用 apply 时，同一时刻只有一根条；用 apply_async 时，每个工作进程上都有一根条。这些任务消耗的是 CPU 时间，所以工作进程多于核心时只是在分享核心（它们的条会被拉长）。</translation>
    </message>
    <message>
        <source>worker processes in the pool</source>
        <translation>池中的工作进程数</translation>
    </message>
    <message>
        <source>tasks to run</source>
        <translation>要运行的任务数</translation>
    </message>
    <message>
        <source>CPU time of one task, in ms</source>
        <translation>一个任务的 CPU 时间，单位 ms</translation>
    </message>
    <message>
        <source>how tasks are handed out; &apos;all&apos; runs the three one after another</source>
        <translation>任务的分发方式；all 表示依次运行这三种方式</translation>
    </message>
    <message>
        <source>%1 took %2 s</source>
        <translation>%1 用时 %2 秒</translation>
    </message>
    <message>
        <source>%1 did not finish</source>
        <translation>%1 未完成</translation>
    </message>
    <message>
        <source>Sum of task times %1 s on %2 parallel worker(s): %3.</source>
        <translation>任务时间之和 %1 秒，%2 个并行工作进程：%3。</translation>
    </message>
    <message>
        <source>The same tasks on a pool of workers: apply() one by one, or apply_async() and map(). Which finishes first?</source>
        <translation>同样的任务交给进程池：用 apply() 逐个执行，或用 apply_async() 和 map()。哪种先完成？</translation>
    </message>
    <message>
        <source>apply()</source>
        <translation>apply()</translation>
    </message>
    <message>
        <source>apply_async() and map()</source>
        <translation>apply_async() 和 map()</translation>
    </message>
    <message>
        <source>All take about as long</source>
        <translation>用时差不多</translation>
    </message>
</context>
<context>
    <name>PoolGanttWidget</name>
    <message>
        <source>The pool&apos;s Gantt chart</source>
        <translation>进程池的甘特图</translation>
    </message>
    <message>
        <source>The pool&apos;s tasks appear here as they end: one lane per worker process, one bar per task, apply, apply_async and map one after the other.</source>
        <translation>进程池的任务结束时会出现在这里：每个工作进程一条泳道，每个任务一个条形，依次为 apply、apply_async 和 map。</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1: makespan %2 s, tasks&apos; time %3 s</source>
        <translation>%1：总耗时 %2 秒，任务时间合计 %3 秒</translation>
    </message>
</context>
<context>
    <name>PredictionBox</name>
    <message>
        <source>Predict, then run</source>
        <translation>先预测，再运行</translation>
    </message>
    <message>
        <source>Skip (no prediction)</source>
        <translation>跳过（不预测）</translation>
    </message>
</context>
<context>
    <name>PredictionReveal</name>
    <message>
        <source>No prediction made. The run proved “%1”.</source>
        <translation>没有做预测。运行证明是“%1”。</translation>
    </message>
    <message>
        <source>You predicted “%1” — inconclusive: %2</source>
        <translation>你预测的是“%1”——无法判定：%2</translation>
    </message>
    <message>
        <source>You predicted “%1” — the run&apos;s figures prove none of the choices.</source>
        <translation>你预测的是“%1”——本次运行的数据不能证明任何一个选项。</translation>
    </message>
    <message>
        <source>You predicted “%1” — the run proved “%2”: right.</source>
        <translation>你预测的是“%1”——运行证明是“%2”：猜对了。</translation>
    </message>
    <message>
        <source>You predicted “%1” — the run proved “%2”: not quite.</source>
        <translation>你预测的是“%1”——运行证明是“%2”：不太对。</translation>
    </message>
</context>
<context>
    <name>ProducerConsumerProcessesExperiment</name>
    <message>
        <source>Producers and consumers: processes</source>
        <translation>生产者与消费者：进程</translation>
    </message>
    <message>
        <source>One process per producer and per consumer, passing items through a shared-memory queue or a pipe.</source>
        <translation>每个生产者和每个消费者各是一个进程，通过共享内存队列或管道传递数据项。</translation>
    </message>
    <message>
        <source>Processes do not share memory, so a queue between them must live somewhere both can reach. channel=shm puts it in shared memory (a memfd mapped by every process, with a process-shared mutex and condition variables); channel=pipe sends the items through a kernel pipe, as Python&apos;s multiprocessing.Queue does underneath. Each producer and consumer is its own process with its own PID. The same blocking appears as with threads: producers block on a full queue (or a full pipe), consumers on an empty one — now the kernel parks processes, not threads of one process.</source>
        <translation>进程之间不共享内存，所以它们之间的队列必须放在双方都能访问的地方。channel=shm 把队列放在共享内存中（一个由每个进程映射的 memfd，带有进程间共享的互斥锁和条件变量）；channel=pipe 则通过内核管道发送数据项，Python 的 multiprocessing.Queue 底层就是这样做的。每个生产者和消费者都是独立的进程，有自己的 PID。阻塞情况与线程版本相同：生产者阻塞在已满的队列（或已满的管道）上，消费者阻塞在空队列上——只不过现在内核挂起的是进程，而不是同一进程中的线程。</translation>
    </message>
    <message>
        <source>shared-memory queue, or a pipe</source>
        <translation>共享内存队列，或管道</translation>
    </message>
    <message>
        <source>producer processes</source>
        <translation>生产者进程数</translation>
    </message>
    <message>
        <source>consumer processes</source>
        <translation>消费者进程数</translation>
    </message>
    <message>
        <source>Producer and consumer processes share one queue (or pipe). Who ends up waiting?</source>
        <translation>生产者进程和消费者进程共用一个队列（或管道）。最后是谁在等待？</translation>
    </message>
    <message>
        <source>The producers (queue full)</source>
        <translation>生产者（队列已满）</translation>
    </message>
    <message>
        <source>The consumers (queue empty)</source>
        <translation>消费者（队列为空）</translation>
    </message>
    <message>
        <source>Both, at different times</source>
        <translation>两者都会，在不同的时候</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>都不会</translation>
    </message>
</context>
<context>
    <name>ProducerConsumerThreadsExperiment</name>
    <message>
        <source>Producers and consumers: threads</source>
        <translation>生产者与消费者：线程</translation>
    </message>
    <message>
        <source>Producer and consumer threads share one bounded queue in one process; watch its depth and who blocks on full or empty.</source>
        <translation>生产者线程和消费者线程在同一进程中共用一个有界队列；观察队列深度，以及谁因队列满或空而阻塞。</translation>
    </message>
    <message>
        <source>Threads of one process share its memory, so they can share one queue object. Producers put items, consumers get them; the queue holds at most &apos;capacity&apos; items. When producers are faster the queue fills up and every put blocks (state Blocked, reason &apos;queue full&apos;) until a consumer takes an item; when consumers are faster it runs empty and they block on get (&apos;queue empty&apos;). A blocked thread uses no CPU: the kernel parks it on a futex until it is woken. Change the rates while it runs and watch the queue depth move and the blocked side switch.</source>
        <translation>同一进程的线程共享该进程的内存，所以它们可以共用一个队列对象。生产者放入数据项，消费者取出数据项；队列最多容纳 capacity 个数据项。生产者较快时，队列会被填满，每次 put 都会阻塞（状态为阻塞，原因为“队列已满”），直到某个消费者取走一项；消费者较快时，队列会变空，消费者阻塞在 get 上（“队列为空”）。阻塞的线程不消耗 CPU：内核把它挂在 futex 上，直到它被唤醒。在运行中修改速率，观察队列深度的变化以及阻塞的一方如何切换。</translation>
    </message>
    <message>
        <source>producer threads</source>
        <translation>生产者线程数</translation>
    </message>
    <message>
        <source>consumer threads</source>
        <translation>消费者线程数</translation>
    </message>
    <message>
        <source>queue capacity in items</source>
        <translation>队列容量，单位为数据项</translation>
    </message>
    <message>
        <source>time to produce one item, in ms</source>
        <translation>生产一个数据项的时间，单位 ms</translation>
    </message>
    <message>
        <source>time to consume one item, in ms</source>
        <translation>消费一个数据项的时间，单位 ms</translation>
    </message>
    <message>
        <source>spin the CPU for that time instead of sleeping</source>
        <translation>在这段时间内让 CPU 空转，而不是睡眠</translation>
    </message>
    <message>
        <source>No item went through the queue.</source>
        <translation>没有任何数据项经过队列。</translation>
    </message>
    <message>
        <source>Producers were faster: the queue filled up (%1 of %2) and up to %3 producer(s) blocked on a full queue; %4 items went through.</source>
        <translation>生产者较快：队列被填满（%1/%2），最多有 %3 个生产者阻塞在已满的队列上；共有 %4 个数据项经过队列。</translation>
    </message>
    <message>
        <source>Producers were faster, but no producer was seen blocked on a full queue.</source>
        <translation>生产者较快，但没有看到任何生产者阻塞在已满的队列上。</translation>
    </message>
    <message>
        <source>Consumers were faster: the queue ran empty and up to %1 consumer(s) blocked waiting for an item; %2 items went through.</source>
        <translation>消费者较快：队列变空，最多有 %1 个消费者因等待数据项而阻塞；共有 %2 个数据项经过队列。</translation>
    </message>
    <message>
        <source>Consumers were faster, but no consumer was seen blocked on an empty queue.</source>
        <translation>消费者较快，但没有看到任何消费者阻塞在空队列上。</translation>
    </message>
    <message>
        <source>Producers and consumers share a bounded queue. Who ends up waiting?</source>
        <translation>生产者和消费者共用一个有界队列。最后是谁在等待？</translation>
    </message>
    <message>
        <source>The producers (queue full)</source>
        <translation>生产者（队列已满）</translation>
    </message>
    <message>
        <source>The consumers (queue empty)</source>
        <translation>消费者（队列为空）</translation>
    </message>
    <message>
        <source>Both, at different times</source>
        <translation>两者都会，在不同的时候</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>都不会</translation>
    </message>
</context>
<context>
    <name>ProgramConsole</name>
    <message>
        <source>The output of a program run from Session ▸ Run a program… appears here.</source>
        <translation>通过“会话 ▸ 运行程序…”启动的程序，其输出显示在这里。</translation>
    </message>
    <message numerus="yes">
        <source>[%n character(s) of output not shown: the program writes faster than the console can show]</source>
        <translation>
            <numerusform>[有 %n 个字符的输出未显示：程序写入的速度超过了控制台的显示速度]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgramRun</name>
    <message>
        <source>%1: command not found</source>
        <translation>%1：找不到命令</translation>
    </message>
    <message>
        <source>%1: cannot execute: %2</source>
        <translation>%1：无法执行：%2</translation>
    </message>
    <message>
        <source>%1: cannot start: %2</source>
        <translation>%1：无法启动：%2</translation>
    </message>
    <message>
        <source>There is no process %1.</source>
        <translation>不存在进程 %1。</translation>
    </message>
    <message>
        <source>Process %1 is ProcLab itself.</source>
        <translation>进程 %1 就是 ProcLab 自己。</translation>
    </message>
    <message>
        <source>Process %1 belongs to another user: ProcLab can watch only your own processes.</source>
        <translation>进程 %1 属于另一个用户：ProcLab 只能观察你自己的进程。</translation>
    </message>
    <message>
        <source>Process %1 has just ended.</source>
        <translation>进程 %1 刚刚结束。</translation>
    </message>
</context>
<context>
    <name>ProgramSession</name>
    <message>
        <source>Enter a command to run.</source>
        <translation>请输入要运行的命令。</translation>
    </message>
</context>
<context>
    <name>PythonWorkers</name>
    <message>
        <source>lang=python runs the system&apos;s python3 (/usr/bin/python3), which is not installed.</source>
        <translation>lang=python 需要系统的 python3（/usr/bin/python3），但它没有安装。</translation>
    </message>
    <message>
        <source>The script cpu_vs_io.py was not found in share/proclab/python beside ProcLab&apos;s programs.</source>
        <translation>在 ProcLab 程序旁的 share/proclab/python 中找不到脚本 cpu_vs_io.py。</translation>
    </message>
    <message>
        <source>The GIL of the python3 workers was not read: without it the lesson is not shown.</source>
        <translation>未能读取 python3 工作者的 GIL：没有它就无法展示本课内容。</translation>
    </message>
    <message>
        <source>The GIL of the python3 workers was not read (%1): without it the lesson is not shown.</source>
        <translation>未能读取 python3 工作者的 GIL（%1）：没有它就无法展示本课内容。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The python3 threads held their GIL %1 % of the time: waiting for IO releases it.</source>
        <translation>python3 线程持有 GIL 的时间占 %1 %：等待 IO 时会释放它。</translation>
    </message>
    <message>
        <source>The real GIL was held %1 % of the time, by %2 of the %3 threads in turn (%4 hand-overs): one thread at a time runs Python code.</source>
        <translation>真实的 GIL 在 %1 % 的时间里被持有，由 %3 个线程中的 %2 个轮流持有（交接 %4 次）：同一时刻只有一个线程运行 Python 代码。</translation>
    </message>
    <message>
        <source>Each of the %1 python3 processes held its own GIL %2 % of the time.</source>
        <translation>%1 个 python3 进程各自持有自己的 GIL 的时间占 %2 %。</translation>
    </message>
</context>
<context>
    <name>QueueBenchmark</name>
    <message>
        <source>proclab bench queue: a measurement failed (the producer process did not finish cleanly or items were lost)</source>
        <translation>proclab bench queue：一次测量失败（生产者进程没有正常结束，或有数据项丢失）</translation>
    </message>
    <message>
        <source>tests/bench/queue_reference.py not found (set PROCLAB_QUEUE_REFERENCE)</source>
        <translation>找不到 tests/bench/queue_reference.py（请设置 PROCLAB_QUEUE_REFERENCE）</translation>
    </message>
    <message>
        <source>python3 not found on PATH</source>
        <translation>在 PATH 中找不到 python3</translation>
    </message>
    <message>
        <source>the Python reference did not finish</source>
        <translation>Python 参照程序没有结束</translation>
    </message>
    <message>
        <source>the Python reference failed: %1</source>
        <translation>Python 参照程序失败：%1</translation>
    </message>
    <message>
        <source>Queue throughput between two processes, %1-byte items, median of %2 rounds of %3 s:</source>
        <translation>两个进程之间的队列吞吐量，数据项 %1 字节，%2 轮（每轮 %3 s）的中位数：</translation>
    </message>
    <message>
        <source>  SharedQueue (memfd, capacity %1): %2 M items/s</source>
        <translation>  SharedQueue（memfd，容量 %1）： %2 M 项/秒</translation>
    </message>
    <message>
        <source>  SharedQueue, batches of up to %1:  %2 M items/s</source>
        <translation>  SharedQueue，每批最多 %1 项：     %2 M 项/秒</translation>
    </message>
    <message>
        <source>  pipe (PipeChannel):                %1 M items/s</source>
        <translation>  管道（PipeChannel）：             %1 M 项/秒</translation>
    </message>
    <message>
        <source>  Python multiprocessing.Queue:      %1 M items/s</source>
        <translation>  Python multiprocessing.Queue：    %1 M 项/秒</translation>
    </message>
    <message>
        <source>  SharedQueue / Python: %1×   batched / Python: %2×   pipe / Python: %3×</source>
        <translation>  SharedQueue / Python：%1×   批量 / Python：%2×   管道 / Python：%3×</translation>
    </message>
    <message>
        <source>  Python reference: not measured (%1)</source>
        <translation>  Python 参照：未测量（%1）</translation>
    </message>
    <message>
        <source>Target met by single-item put/get: at least 1 M items/s and at least 20× Python.</source>
        <translation>单项 put/get 达到目标：至少每秒 1 M 项，且至少是 Python 的 20×。</translation>
    </message>
    <message>
        <source>Target not met by single-item put/get: at least 1 M items/s and at least 20× Python are wanted.</source>
        <translation>单项 put/get 未达到目标：要求至少每秒 1 M 项，且至少是 Python 的 20×。</translation>
    </message>
</context>
<context>
    <name>QueueChart</name>
    <message>
        <source>Queue Q%1</source>
        <translation>队列 Q%1</translation>
    </message>
    <message>
        <source>This experiment has no queue.</source>
        <translation>本实验没有队列。</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>&lt;b&gt;Queue&lt;/b&gt; depth %1 of %2 · puts %3/s, gets %4/s · blocked: %5 putting (queue full), %6 getting (queue empty)</source>
        <translation>&lt;b&gt;队列&lt;/b&gt;深度 %1/%2 · 放入 %3/s，取出 %4/s · 阻塞：%5 个在放入（队列已满），%6 个在取出（队列为空）</translation>
    </message>
    <message>
        <source>The queue&apos;s depth and its put and get rates appear here when an experiment with a queue runs (pc-threads, pc-processes).</source>
        <translation>实验中有队列时（pc-threads、pc-processes），这里显示队列深度以及放入和取出的速率。</translation>
    </message>
    <message>
        <source>puts</source>
        <translation>放入</translation>
    </message>
    <message>
        <source>gets</source>
        <translation>取出</translation>
    </message>
    <message>
        <source>Queue depth (items)</source>
        <translation>队列深度（项）</translation>
    </message>
    <message>
        <source>Put and get rates (items/s)</source>
        <translation>放入与取出速率（项/秒）</translation>
    </message>
</context>
<context>
    <name>RaceExperiment</name>
    <message>
        <source>Race condition: lost updates</source>
        <translation>竞争条件：丢失更新</translation>
    </message>
    <message>
        <source>Threads add to one shared counter without a lock; updates are lost. locked=true fixes it.</source>
        <translation>多个线程不加锁地累加同一个共享计数器；有些更新会丢失。locked=true 可以修复。</translation>
    </message>
    <message>
        <source>threads updating the counter</source>
        <translation>更新计数器的线程数</translation>
    </message>
    <message>
        <source>hold a lock for each update</source>
        <translation>每次更新都持有一把锁</translation>
    </message>
    <message>
        <source>The threads did not report their increments.</source>
        <translation>线程没有报告它们的递增次数。</translation>
    </message>
    <message>
        <source>With the lock, all %1 increments arrived: none lost.</source>
        <translation>有锁保护，全部 %1 次递增都已生效：没有丢失。</translation>
    </message>
    <message>
        <source>%1 updates were lost although every update held the lock.</source>
        <translation>虽然每次更新都持有锁，仍丢失了 %1 次更新。</translation>
    </message>
    <message>
        <source>No update was lost this time; the threads did not overlap.</source>
        <translation>这一次没有丢失更新；线程之间没有发生交错。</translation>
    </message>
    <message>
        <source>&apos;counter += 1&apos; is three steps: read the value, add one, write it back. When two threads read the same value before either writes, both write the same result and one increment is lost. The threads here keep adding 1 for &apos;race_ms&apos; to one counter in shared memory, exactly like that (a plain load and a plain store, no atomic add). At the end the counter is short of the increments the threads made by the number of lost updates. With locked=true each update holds a lock, the steps cannot interleave, and nothing is lost — at the price of the threads waiting for each other. The same happens with Python threads (the GIL can switch threads between the read and the write) and with processes sharing a Value without its lock.</source>
        <translation>“counter += 1”其实是三步：读出值、加一、写回。如果两个线程在任何一方写回之前读到了同一个值，它们会写回同一个结果，于是丢失一次自增。这里的线程在“race_ms”毫秒内不停地对共享内存中的同一个计数器加一，做法正是如此（一次普通读取加一次普通写入，没有原子加法）。结束时，计数器比各线程实际完成的自增次数少，差值就是丢失的更新数。设置 locked=true 时，每次更新都持有一把锁，这几步不会交错，什么也不会丢失——代价是线程之间要互相等待。Python 线程同样如此（GIL 可能在读和写之间切换线程），多个进程共享一个不加锁的 Value 时也是一样。</translation>
    </message>
    <message>
        <source>how long the threads keep adding, in ms</source>
        <translation>线程持续自增的时间，单位毫秒</translation>
    </message>
    <message>
        <source>%1 of %2 increments were lost (%4 %): the counter ended at %3.</source>
        <translation>%2 次自增中丢失了 %1 次（%4 %）：计数器最终为 %3。</translation>
    </message>
    <message>
        <source>Threads add 1 to one shared counter, each as a read and a write. Where does the counter end?</source>
        <translation>多个线程给同一个共享计数器加 1，每次都是先读后写。计数器最终是多少？</translation>
    </message>
    <message>
        <source>At exactly the number of increments made</source>
        <translation>正好等于所做的加 1 次数</translation>
    </message>
    <message>
        <source>Short of it: some updates are lost</source>
        <translation>比它少：有些更新丢失了</translation>
    </message>
    <message>
        <source>Above it</source>
        <translation>比它多</translation>
    </message>
</context>
<context>
    <name>RecorderBenchmark</name>
    <message>
        <source>proclab bench recorder: cannot make a temporary folder</source>
        <translation>proclab bench recorder：无法创建临时文件夹</translation>
    </message>
    <message>
        <source>Paced: %1 events at %2/s for %3 s: %4 written, %5 dropped, %6 in order, %7 MB</source>
        <translation>定速：%1 个事件，每秒 %2 个，持续 %3 s：写入 %4，丢弃 %5，%6按顺序，%7 MB</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>NOT</source>
        <translation>并非全部</translation>
    </message>
    <message>
        <source>  producer: %1 ns per record() call (building the event itself: %2 ns)</source>
        <translation>  生产方：每次调用 record() %1 ns（其中构造事件本身：%2 ns）</translation>
    </message>
    <message>
        <source>  recorder thread: %1 ns of CPU per event</source>
        <translation>  录制线程：每个事件 %1 ns CPU 时间</translation>
    </message>
    <message>
        <source>Flat out: %1 events per second sustained to disk (%2 of %3 written)</source>
        <translation>全速：持续写入磁盘每秒 %1 个事件（写入 %2/%3）</translation>
    </message>
    <message>
        <source>Formatting one event: %1 ns (SessionJsonWriter) against %2 ns (QJsonDocument), %3× faster</source>
        <translation>格式化一个事件：%1 ns（SessionJsonWriter），对比 %2 ns（QJsonDocument），快 %3×</translation>
    </message>
</context>
<context>
    <name>RepeatedErrors</name>
    <message numerus="yes">
        <source>The same error %n more time(s), the last: %1</source>
        <translation>
            <numerusform>同样的错误又出现了 %n 次，最后一次：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>%1 s of %2 s</source>
        <translation>%1 秒 / 共 %2 秒</translation>
    </message>
    <message>
        <source>Pause the replay</source>
        <translation>暂停回放</translation>
    </message>
    <message>
        <source>Play the replay</source>
        <translation>播放回放</translation>
    </message>
    <message>
        <source>1×</source>
        <translation>1×</translation>
    </message>
    <message>
        <source>4×</source>
        <translation>4×</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <source>The moment every view shows: drag to go there</source>
        <translation>各视图显示的时刻：拖动以跳转</translation>
    </message>
</context>
<context>
    <name>ReplayContext</name>
    <message>
        <source>a program run</source>
        <translation>一次程序运行</translation>
    </message>
    <message>
        <source>ProcLab — replay of %1 (%2)</source>
        <translation>ProcLab — 回放：%1（%2）</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <source>Inconclusive</source>
        <translation>无定论</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>已观察到</translation>
    </message>
    <message>
        <source>Not observed</source>
        <translation>未观察到</translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message>
        <source>run an experiment headless and report whether it showed its phenomenon</source>
        <translation>在无界面模式下运行一个实验，并报告是否展示出了它的现象</translation>
    </message>
    <message>
        <source>Set a parameter (repeatable).</source>
        <translation>设置一个参数（可重复）。</translation>
    </message>
    <message>
        <source>Seconds to run (default 10; 0: until interrupted).</source>
        <translation>运行的秒数（默认 10；0：一直运行到被中断）。</translation>
    </message>
    <message>
        <source>Sampling interval in ms (50–5000, default 100).</source>
        <translation>采样间隔，单位 ms（50–5000，默认 100）。</translation>
    </message>
    <message>
        <source>Record the session into FILE.</source>
        <translation>将会话录制到 FILE。</translation>
    </message>
    <message>
        <source>One JSON object per line on stdout.</source>
        <translation>在 stdout 上每行输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>The experiment (see `proclab list`).</source>
        <translation>要运行的实验（见 `proclab list`）。</translation>
    </message>
    <message>
        <source>allowed: %1</source>
        <translation>可用：%1</translation>
    </message>
    <message>
        <source>which experiment? allowed: %1</source>
        <translation>运行哪个实验？可用：%1</translation>
    </message>
    <message>
        <source>one experiment at a time, got &apos;%1&apos;</source>
        <translation>一次只能运行一个实验，收到的是“%1”</translation>
    </message>
    <message>
        <source>unknown experiment &apos;%1&apos;; allowed: %2</source>
        <translation>未知实验“%1”；可用：%2</translation>
    </message>
    <message>
        <source>--duration takes seconds from 0 to 86400, got &apos;%1&apos;</source>
        <translation>--duration 需要 0 到 86400 之间的秒数，收到的是“%1”</translation>
    </message>
    <message>
        <source>Observed: %1</source>
        <translation>已观察到：%1</translation>
    </message>
    <message>
        <source>Not observed: %1</source>
        <translation>未观察到：%1</translation>
    </message>
    <message>
        <source>Session recorded in %1</source>
        <translation>会话已录制到 %1</translation>
    </message>
    <message>
        <source>Inconclusive: %1</source>
        <translation>无法判定：%1</translation>
    </message>
    <message>
        <source>Step mode: grant steps to these threads in this order (1-based), then end.</source>
        <translation>单步模式：按此顺序把步骤授予这些线程（从 1 开始编号），然后结束。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no step mode; --schedule works with: %2</source>
        <translation>“%1”没有单步模式；--schedule 可用于：%2</translation>
    </message>
    <message>
        <source>Answer the experiment&apos;s prediction question first (its choice N, 1-based; see `proclab list --json`): the result says whether the run proved it, and the run goes into your lesson journal (`proclab path`).</source>
        <translation>先回答实验的预测问题（选项 N，从 1 开始；见 `proclab list --json`）：结果会说明运行是否证明了它，并且这次运行会记入你的学习记录（`proclab path`）。</translation>
    </message>
    <message>
        <source>--predict takes one of %1&apos;s choices: %2; got &apos;%3&apos;</source>
        <translation>--predict 需要 %1 的一个选项：%2；收到的是“%3”</translation>
    </message>
</context>
<context>
    <name>RunProgramDialog</name>
    <message>
        <source>Run a program</source>
        <translation>运行程序</translation>
    </message>
    <message>
        <source>python3 -u pool.py</source>
        <translation>python3 -u pool.py</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>工作目录(&amp;W)：</translation>
    </message>
    <message>
        <source>Attach to process</source>
        <translation>附加到进程</translation>
    </message>
    <message>
        <source>&amp;PID:</source>
        <translation>PID(&amp;P)：</translation>
    </message>
    <message>
        <source>The program runs as a child of ProcLab with no input; its output goes to the Console tab. Stop ends it and everything it started.</source>
        <translation>程序作为 ProcLab 的子进程运行，没有输入；它的输出显示在“控制台”标签页中。停止会结束它以及它启动的一切。</translation>
    </message>
    <message>
        <source>ProcLab watches the process and its children without changing them. Stop only stops watching; signals are sent only after you confirm.</source>
        <translation>ProcLab 只观察该进程及其子进程，不做任何改动。停止只是停止观察；只有在你确认之后才会发送信号。</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>附加(&amp;A)</translation>
    </message>
    <message>
        <source>Enter a command to run.</source>
        <translation>请输入要运行的命令。</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>有引号没有闭合。</translation>
    </message>
    <message>
        <source>The working directory %1 does not exist.</source>
        <translation>工作目录 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>SampleCommand</name>
    <message>
        <source>show every thread&apos;s running, ready and blocked share, and per-core load</source>
        <translation>显示每个线程的运行、就绪和阻塞占比，以及每个核心的负载</translation>
    </message>
    <message>
        <source>Watch this process and all its threads (repeatable; default: every process).</source>
        <translation>监视此进程及其所有线程（可重复；默认：所有进程）。</translation>
    </message>
    <message>
        <source>Milliseconds between samples, %1…%2 (default %3).</source>
        <translation>两次采样之间的毫秒数，%1…%2（默认 %3）。</translation>
    </message>
    <message>
        <source>Stop after N samples (default 0: until interrupted).</source>
        <translation>采样 N 次后停止（默认 0：一直运行到被中断）。</translation>
    </message>
    <message>
        <source>One JSON line per sample on stdout.</source>
        <translation>在 stdout 上每次采样输出一行 JSON。</translation>
    </message>
    <message>
        <source>One summary line per sample: tasks by state, per-core load.</source>
        <translation>每次采样输出一行摘要：各状态的任务数、每个核心的负载。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>allowed: [--pid PID]… [--interval MS] [--count N] [--json | --summary]</source>
        <translation>可用：[--pid PID]… [--interval MS] [--count N] [--json | --summary]</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;; %2</source>
        <translation>多余的参数“%1”；%2</translation>
    </message>
    <message>
        <source>--json and --summary exclude each other; %1</source>
        <translation>--json 与 --summary 不能同时使用；%1</translation>
    </message>
    <message>
        <source>--pid needs a positive process ID, not &apos;%1&apos;</source>
        <translation>--pid 需要一个正的进程 ID，而不是“%1”</translation>
    </message>
    <message>
        <source>no process with PID %1</source>
        <translation>没有 PID 为 %1 的进程</translation>
    </message>
    <message>
        <source>--interval must be a whole number of milliseconds from %1 to %2</source>
        <translation>--interval 必须是 %1 到 %2 之间的整数毫秒数</translation>
    </message>
    <message>
        <source>--count must be a whole number ≥ 0 (0: until interrupted)</source>
        <translation>--count 必须是 ≥ 0 的整数（0：一直运行到被中断）</translation>
    </message>
    <message>
        <source>proclab sample: every watched process has ended</source>
        <translation>proclab sample：所有被监视的进程都已结束</translation>
    </message>
    <message>
        <source>proclab sample: %1 tasks could not be read at t=%2s: out of file descriptors (the open-file limit RLIMIT_NOFILE is %3)</source>
        <translation>proclab sample：t=%2s 时有 %1 个任务无法读取：文件描述符用尽（打开文件上限 RLIMIT_NOFILE 为 %3）</translation>
    </message>
    <message>
        <source>proclab sample: every task is read again at t=%1s</source>
        <translation>proclab sample：t=%1s 时所有任务又都能读取了</translation>
    </message>
</context>
<context>
    <name>SamplerBenchmark</name>
    <message>
        <source>the helper did not report ready within 60 s</source>
        <translation>辅助进程没有在 60 s 内报告就绪</translation>
    </message>
    <message>
        <source>the helper ended before it was ready</source>
        <translation>辅助进程在就绪之前就结束了</translation>
    </message>
    <message>
        <source>the helper said: %1</source>
        <translation>辅助进程报告：%1</translation>
    </message>
    <message>
        <source>proclab bench sampler: the helper proclab-bench-threads is not beside proclab (it is built with the tests) and PROCLAB_BENCH_THREADS does not name it</source>
        <translation>proclab bench sampler：辅助程序 proclab-bench-threads 不在 proclab 所在目录中（它随测试一起构建），PROCLAB_BENCH_THREADS 也没有指向它</translation>
    </message>
    <message>
        <source>proclab bench sampler: cannot start %1: %2</source>
        <translation>proclab bench sampler：无法启动 %1：%2</translation>
    </message>
    <message>
        <source>sampler: %1 threads in the helper, %2 tasks sampled, every %3 ms, %4 samples</source>
        <translation>sampler：辅助进程中有 %1 个线程，采样 %2 个任务，每 %3 ms 一次，共 %4 次采样</translation>
    </message>
    <message>
        <source>  first (cold) sample: %1 µs of CPU</source>
        <translation>  首次（冷）采样： %1 µs CPU 时间</translation>
    </message>
    <message>
        <source>  per sample:          %1 µs of CPU (median)</source>
        <translation>  每次采样：       %1 µs CPU 时间（中位数）</translation>
    </message>
    <message>
        <source>  per thread-sample:   %1 µs (median), %2 µs (90th percentile)</source>
        <translation>  每线程每次采样： %1 µs（中位数），%2 µs（第 90 百分位）</translation>
    </message>
    <message>
        <source>  formatting: JSON line %1 µs per task; summary line %2 µs</source>
        <translation>  格式化：JSON 行每个任务 %1 µs；摘要行 %2 µs</translation>
    </message>
    <message>
        <source>  last snapshot: %1; oldest letter %2 s</source>
        <translation>  最后一次快照：%1；最旧的状态字母已有 %2 s</translation>
    </message>
</context>
<context>
    <name>SessionCharts</name>
    <message>
        <source>running</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>ready (waiting for a core)</source>
        <translation>就绪（等待核心）</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>僵尸</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>No CPU samples were recorded in this session.</source>
        <translation>本会话没有记录到 CPU 采样。</translation>
    </message>
    <message>
        <source>Load of each CPU core over time</source>
        <translation>各 CPU 核心的负载随时间的变化</translation>
    </message>
    <message>
        <source>core %1</source>
        <translation>核心 %1</translation>
    </message>
    <message>
        <source>This experiment has no queue: no queue samples were recorded.</source>
        <translation>本实验没有队列：没有记录到队列采样。</translation>
    </message>
    <message>
        <source>Queue depth over time, against the queue&apos;s capacity</source>
        <translation>队列深度随时间的变化，与队列容量对比</translation>
    </message>
    <message>
        <source>queue %1: depth (dashed: capacity)</source>
        <translation>队列 %1：深度（虚线：容量）</translation>
    </message>
    <message>
        <source>No task samples were recorded in this session.</source>
        <translation>本会话没有记录到任务采样。</translation>
    </message>
    <message>
        <source>State of each thread over time</source>
        <translation>每个线程的状态随时间的变化</translation>
    </message>
    <message>
        <source>TID %1: %2 from %3 s to %4 s</source>
        <translation>TID %1：%2，从 %3 s 到 %4 s</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>unknown experiment &apos;%1&apos;</source>
        <translation>未知实验“%1”</translation>
    </message>
    <message>
        <source>no experiment is running</source>
        <translation>没有正在运行的实验</translation>
    </message>
</context>
<context>
    <name>SessionDiagrams</name>
    <message>
        <source>Pool tasks on a timeline: one lane per worker process, one bar per task</source>
        <translation>时间轴上的进程池任务：每个工作进程一条泳道，每个任务一根条</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 task %2 in PID %3: %4 s to %5 s</source>
        <translation>%1 任务 %2，PID %3：%4 秒至 %5 秒</translation>
    </message>
    <message>
        <source>%1: %2 s</source>
        <translation>%1：%2 秒</translation>
    </message>
    <message>
        <source>Wait-for graph of the deadlock: each thread waits for the next</source>
        <translation>死锁的等待图：每个线程都在等下一个</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>等待 %1</translation>
    </message>
    <message>
        <source>TID %1</source>
        <translation>TID %1</translation>
    </message>
    <message>
        <source>TID %1, holds %2</source>
        <translation>TID %1，持有 %2</translation>
    </message>
    <message>
        <source>Who held the GIL of process %1 when: one lane per thread, darker where it held it longer</source>
        <translation>进程 %1 的 GIL 何时由谁持有：每个线程一条泳道，持有越久颜色越深</translation>
    </message>
    <message>
        <source>TID %1 held the GIL %2 % of %3 s to %4 s</source>
        <translation>TID %1 在 %3 秒到 %4 秒之间持有 GIL 的时间占 %2 %</translation>
    </message>
</context>
<context>
    <name>SessionExporter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a regular file; the tables beside %2 must be</source>
        <translation>%1 不是普通文件；%2 旁边的表格文件必须是普通文件</translation>
    </message>
    <message>
        <source>%1 is the session file itself; choose another output</source>
        <translation>%1 就是会话文件本身；请选择另一个输出</translation>
    </message>
    <message>
        <source>%1, written beside %2, is the session file itself; choose another output</source>
        <translation>%1（写在 %2 旁边）就是会话文件本身；请选择另一个输出</translation>
    </message>
</context>
<context>
    <name>SessionFieldCheck</name>
    <message>
        <source>&quot;%1&quot; must be a whole number from -1 to %2</source>
        <translation>“%1”必须是 -1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a core number from -1 to %2</source>
        <translation>“%1”必须是 -1 到 %2 之间的核心编号</translation>
    </message>
    <message>
        <source>&quot;t&quot; must be a number of seconds up to %1</source>
        <translation>“t”必须是不超过 %1 的秒数</translation>
    </message>
    <message>
        <source>&quot;cores&quot; must be a whole number from 0 to %1</source>
        <translation>“cores”必须是 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>&quot;cpus&quot; must be a list of at most %1 cores</source>
        <translation>“cpus”必须是最多 %1 个核心的列表</translation>
    </message>
    <message>
        <source>every entry of &quot;cpus&quot; must be an object</source>
        <translation>“cpus”的每一项都必须是对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than %2 entries</source>
        <translation>“%1”的条目多于 %2 个</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a share from 0 to 1</source>
        <translation>&quot;%1&quot; 必须是 0 到 1 之间的比例</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a state name: %2</source>
        <translation>&quot;%1&quot; 必须是状态名：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from 0 to %2</source>
        <translation>&quot;%1&quot; 必须是 0 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>&quot;depth&quot; (%1) must not be more than &quot;capacity&quot; (%2)</source>
        <translation>&quot;depth&quot;（%1）不能大于 &quot;capacity&quot;（%2）</translation>
    </message>
</context>
<context>
    <name>SessionFolder</name>
    <message>
        <source>cannot create the sessions folder %1</source>
        <translation>无法创建会话文件夹 %1</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>cannot find a free file name in %1</source>
        <translation>在 %1 中找不到可用的文件名</translation>
    </message>
    <message>
        <source>the sessions folder %1 is a link to a folder that is not yours; refused</source>
        <translation>会话文件夹 %1 是指向不属于你的文件夹的链接；已拒绝</translation>
    </message>
    <message>
        <source>the sessions folder %1 is not a folder</source>
        <translation>会话文件夹 %1 不是文件夹</translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <source>not a ProcLab session: the first line must have &quot;format&quot;:&quot;proclab-session&quot;</source>
        <translation>不是 ProcLab 会话：第一行必须包含 &quot;format&quot;:&quot;proclab-session&quot;</translation>
    </message>
    <message>
        <source>the header&apos;s &quot;version&quot; must be an integer</source>
        <translation>文件头的 &quot;version&quot; 必须是整数</translation>
    </message>
    <message>
        <source>session format version %1 cannot be read; this ProcLab reads version %2</source>
        <translation>无法读取会话格式版本 %1；此版本的 ProcLab 读取版本 %2</translation>
    </message>
    <message>
        <source>the header needs &quot;start_unix&quot;, a number of seconds since the epoch</source>
        <translation>文件头需要 &quot;start_unix&quot;，即自纪元以来的秒数</translation>
    </message>
    <message>
        <source>the header needs &quot;experiment&quot;, a string</source>
        <translation>文件头需要 &quot;experiment&quot;，且为字符串</translation>
    </message>
    <message>
        <source>the header&apos;s &quot;parameters&quot; must be an object</source>
        <translation>文件头的 &quot;parameters&quot; 必须是对象</translation>
    </message>
    <message>
        <source>the header&apos;s &quot;start_unix&quot; must be seconds since the epoch, from 0 to %1</source>
        <translation>文件头的“start_unix”必须是自纪元起的秒数，范围 0 到 %1</translation>
    </message>
    <message>
        <source>the header&apos;s &quot;cores&quot; must be a whole number from 0 to %1</source>
        <translation>文件头的“cores”必须是 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>the header&apos;s &quot;%1&quot; must be a string</source>
        <translation>文件头的“%1”必须是字符串</translation>
    </message>
</context>
<context>
    <name>SessionInfoWidget</name>
    <message>
        <source>not recorded</source>
        <translation>未录制</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Observed: </source>
        <translation>已观察到：</translation>
    </message>
    <message>
        <source>Not observed: </source>
        <translation>未观察到：</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) read</source>
        <translation>
            <numerusform>已读取 %n 个事件</numerusform>
        </translation>
    </message>
    <message>
        <source>Experiment:</source>
        <translation>实验：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>Session file:</source>
        <translation>会话文件：</translation>
    </message>
    <message>
        <source>Sampling interval:</source>
        <translation>采样间隔：</translation>
    </message>
    <message>
        <source>Cores:</source>
        <translation>核心数：</translation>
    </message>
    <message>
        <source>Phenomenon:</source>
        <translation>现象：</translation>
    </message>
    <message>
        <source>Inconclusive: %1. %2</source>
        <translation>无法判定：%1。%2</translation>
    </message>
</context>
<context>
    <name>SessionMenu</name>
    <message>
        <source>Stopped watching process %1.</source>
        <translation>已停止观察进程 %1。</translation>
    </message>
    <message>
        <source>The program ended with status %1.</source>
        <translation>程序已结束，退出状态为 %1。</translation>
    </message>
    <message>
        <source>Attach to process</source>
        <translation>附加到进程</translation>
    </message>
    <message>
        <source>Could not attach to process %1: %2</source>
        <translation>无法附加到进程 %1：%2</translation>
    </message>
    <message>
        <source>$ %1</source>
        <translation>$ %1</translation>
    </message>
    <message>
        <source>stop the experiment first</source>
        <translation>请先停止实验</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>program: %1</source>
        <translation>程序：%1</translation>
    </message>
    <message>
        <source>Running %1 (PID %2).</source>
        <translation>正在运行 %1（PID %2）。</translation>
    </message>
    <message>
        <source>attached to process %1</source>
        <translation>已附加到进程 %1</translation>
    </message>
    <message>
        <source>Watching process %1 read-only.</source>
        <translation>正在以只读方式观察进程 %1。</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Replaying %1: drag the timeline or press play.</source>
        <translation>正在回放 %1：拖动时间轴或按播放。</translation>
    </message>
    <message>
        <source>Run a &amp;program…</source>
        <translation>运行程序(&amp;P)…</translation>
    </message>
    <message>
        <source>Run a command of your own and watch its processes and threads</source>
        <translation>运行你自己的命令，并观察它的进程和线程</translation>
    </message>
    <message>
        <source>&amp;Attach to process…</source>
        <translation>附加到进程(&amp;A)…</translation>
    </message>
    <message>
        <source>Watch a running process of yours and its children, read-only</source>
        <translation>以只读方式观察你的一个正在运行的进程及其子进程</translation>
    </message>
    <message>
        <source>Stop program / replay</source>
        <translation>停止程序／回放</translation>
    </message>
    <message>
        <source>A program run: end it and everything it started. Attached: stop watching. Replay: close it.</source>
        <translation>运行的程序：结束它及它启动的一切。附加的进程：停止观察。回放：关闭回放。</translation>
    </message>
    <message>
        <source>Signal the selected process</source>
        <translation>向所选进程发送信号</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
</context>
<context>
    <name>SessionOpenDialog</name>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sessions recorded in %1</source>
        <translation>记录在 %1 中的会话</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>(not a readable session)</source>
        <translation>（不是可读取的会话）</translation>
    </message>
    <message>
        <source>A program run under ProcLab (exec)</source>
        <translation>在 ProcLab 下运行的程序（exec）</translation>
    </message>
    <message>
        <source>ProcLab sessions (*.jsonl);;All files (*)</source>
        <translation>ProcLab 会话 (*.jsonl);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SessionReader</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>the file is empty: a session starts with a header line</source>
        <translation>文件为空：会话文件以一个文件头行开始</translation>
    </message>
    <message>
        <source>the first line must be the session header</source>
        <translation>第一行必须是会话文件头</translation>
    </message>
    <message>
        <source>the header line is cut short: the recording ended before it was written</source>
        <translation>文件头行不完整：录制在它写完之前就结束了</translation>
    </message>
    <message>
        <source>an event needs a number &quot;t&quot; and a non-empty string &quot;kind&quot;</source>
        <translation>事件需要数值 &quot;t&quot; 和非空字符串 &quot;kind&quot;</translation>
    </message>
    <message>
        <source>t goes back from %1 s to %2 s</source>
        <translation>t 从 %1 s 倒退到 %2 s</translation>
    </message>
    <message>
        <source>the file was cut short at line %1 (the recording ended abruptly); read up to line %2</source>
        <translation>文件在第 %1 行被截断（录制意外结束）；已读到第 %2 行</translation>
    </message>
    <message>
        <source>the line is longer than 1 MiB</source>
        <translation>该行超过 1 MiB</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>not valid UTF-8 (at byte %1)</source>
        <translation>不是有效的 UTF-8（在第 %1 字节）</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>不是有效的 JSON：%1，在第 %2 字节</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>SessionRecorder</name>
    <message>
        <source>already recording to %1</source>
        <translation>已经在录制到 %1</translation>
    </message>
    <message>
        <source>cannot write the session file %1: %2; the experiment goes on, but events are lost</source>
        <translation>无法写入会话文件 %1：%2；实验继续进行，但事件会丢失</translation>
    </message>
    <message>
        <source>cannot write the session file %1: %2</source>
        <translation>无法写入会话文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>SessionRequiredFields</name>
    <message>
        <source>a &quot;%1&quot; event needs &quot;%2&quot;</source>
        <translation>&quot;%1&quot; 事件需要 &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>SessionRetention</name>
    <message numerus="yes">
        <source>removed %n old session(s) from %1 to keep the sessions folder within its limit (oldest: %2)</source>
        <translation>
            <numerusform>为使会话文件夹不超出限额，已从 %1 删除 %n 个旧会话（最早的：%2）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTape</name>
    <message numerus="yes">
        <source>%n task(s) could not be read: out of file descriptors (the open-file limit RLIMIT_NOFILE is %1)</source>
        <translation>
            <numerusform>%n 个任务无法读取：文件描述符用尽（打开文件上限 RLIMIT_NOFILE 为 %1）</numerusform>
        </translation>
    </message>
    <message>
        <source>Every task can be read again.</source>
        <translation>所有任务又都能读取了。</translation>
    </message>
</context>
<context>
    <name>SharedMemory</name>
    <message>
        <source>a shared memory region needs at least one byte</source>
        <translation>共享内存区域至少需要一个字节</translation>
    </message>
    <message>
        <source>cannot create shared memory (memfd_create): %1</source>
        <translation>无法创建共享内存（memfd_create）：%1</translation>
    </message>
    <message>
        <source>cannot size shared memory to %1 bytes: %2</source>
        <translation>无法将共享内存的大小设为 %1 字节：%2</translation>
    </message>
    <message>
        <source>cannot seal shared memory: %1</source>
        <translation>无法封印共享内存：%1</translation>
    </message>
    <message>
        <source>cannot map shared memory: %1</source>
        <translation>无法映射共享内存：%1</translation>
    </message>
    <message>
        <source>no shared memory file descriptor</source>
        <translation>没有共享内存文件描述符</translation>
    </message>
    <message>
        <source>cannot duplicate the shared memory descriptor: %1</source>
        <translation>无法复制共享内存描述符：%1</translation>
    </message>
    <message>
        <source>descriptor %1 is not a sealed memfd</source>
        <translation>描述符 %1 不是已封印的 memfd</translation>
    </message>
    <message>
        <source>cannot read the size of shared memory descriptor %1</source>
        <translation>无法读取共享内存描述符 %1 的大小</translation>
    </message>
</context>
<context>
    <name>SharedQueue</name>
    <message>
        <source>a queue holds 1 to %1 items of 1 to %2 bytes</source>
        <translation>队列可容纳 1 到 %1 个数据项，每项 1 到 %2 字节</translation>
    </message>
    <message>
        <source>the memory for the queue is too small or misaligned</source>
        <translation>用于队列的内存太小或未对齐</translation>
    </message>
    <message>
        <source>cannot set up the queue&apos;s mutex: %1</source>
        <translation>无法初始化队列的互斥锁：%1</translation>
    </message>
    <message>
        <source>the shared memory is too small to hold a queue</source>
        <translation>共享内存太小，放不下队列</translation>
    </message>
    <message>
        <source>the shared memory holds no queue of this ProcLab version</source>
        <translation>共享内存中没有本版本 ProcLab 的队列</translation>
    </message>
    <message>
        <source>the queue in shared memory has an inconsistent size</source>
        <translation>共享内存中队列的大小不一致</translation>
    </message>
</context>
<context>
    <name>SnapshotFormatter</name>
    <message>
        <source>cpu%1 %2 (usr %3 sys %4 io %5 st %6)</source>
        <translation>cpu%1 %2（用户 %3 系统 %4 io %5 窃取 %6）</translation>
    </message>
    <message>
        <source>%1s  %2 tasks: %3 | %4</source>
        <translation>%1s  %2 个任务：%3 | %4</translation>
    </message>
    <message>
        <source>cpu%1 %2</source>
        <translation>cpu%1 %2</translation>
    </message>
    <message>
        <source>t=%1s  %2 tasks  %3</source>
        <translation>t=%1s  %2 个任务  %3</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>PPID</source>
        <translation>PPID</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>RUN</source>
        <translation>RUN</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>READY</translation>
    </message>
    <message>
        <source>BLOCK</source>
        <translation>BLOCK</translation>
    </message>
    <message>
        <source>CORE</source>
        <translation>CORE</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>阻塞原因</translation>
    </message>
</context>
<context>
    <name>StateTimelineWidget</name>
    <message>
        <source>Start an experiment: every lab thread gets a lane here.</source>
        <translation>开始一个实验：每个实验线程在这里都有一条泳道。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>StatusBarController</name>
    <message>
        <source>Session %1</source>
        <translation>会话 %1</translation>
    </message>
    <message>
        <source>No experiment running</source>
        <translation>没有正在运行的实验</translation>
    </message>
    <message>
        <source>every %1 ms</source>
        <translation>每 %1 ms</translation>
    </message>
    <message>
        <source>Sampling interval (Settings ▸ Sampling interval)</source>
        <translation>采样间隔（设置 ▸ 采样间隔）</translation>
    </message>
    <message>
        <source>REC</source>
        <translation>录制中</translation>
    </message>
    <message>
        <source>The session is being recorded to a file</source>
        <translation>会话正在录制到文件</translation>
    </message>
    <message>
        <source>❄ Display frozen (F6)</source>
        <translation>❄ 显示已冻结（F6）</translation>
    </message>
</context>
<context>
    <name>StepController</name>
    <message>
        <source>Select a stepping thread&apos;s row first, or press its number.</source>
        <translation>请先选中一个单步线程所在的行，或按下它的编号。</translation>
    </message>
    <message>
        <source>Select a stepping thread&apos;s row first.</source>
        <translation>请先选中一个单步线程所在的行。</translation>
    </message>
    <message>
        <source>Step mode: press 1–%1 (or double-click a thread&apos;s row) to let that thread take its next step.</source>
        <translation>单步模式：按 1–%1（或双击某个线程所在的行）让该线程执行它的下一步。</translation>
    </message>
    <message>
        <source>Step mode: press 1 (or double-click the thread&apos;s row) to let it take its next step.</source>
        <translation>单步模式：按 1（或双击该线程所在的行）让它执行下一步。</translation>
    </message>
    <message>
        <source>%1 does not step: only the lesson&apos;s threads take steps.</source>
        <translation>%1 不单步执行：只有本课的线程才按步执行。</translation>
    </message>
    <message>
        <source>The recorded schedule is being granted: wait for it to end.</source>
        <translation>正在按记录的调度授予步骤：请等它结束。</translation>
    </message>
    <message>
        <source>No run steps now: check Step mode before Start.</source>
        <translation>现在没有单步运行：请在“开始”之前勾选“单步模式”。</translation>
    </message>
    <message>
        <source>There is no thread %1: this run steps threads 1 to %2.</source>
        <translation>没有线程 %1：本次运行单步执行的是线程 1 到 %2。</translation>
    </message>
    <message>
        <source>Thread %1 has finished.</source>
        <translation>线程 %1 已结束。</translation>
    </message>
    <message>
        <source>Thread %1 runs free: it no longer waits for grants.</source>
        <translation>线程 %1 自由运行：它不再等待授予。</translation>
    </message>
    <message>
        <source>Every thread runs free.</source>
        <translation>所有线程都自由运行。</translation>
    </message>
    <message>
        <source>The recorded schedule could not go on: %1</source>
        <translation>记录的调度无法继续：%1</translation>
    </message>
    <message numerus="yes">
        <source>Granting the recorded schedule: %n step(s).</source>
        <translation>
            <numerusform>正在按记录的调度授予：%n 步。</numerusform>
        </translation>
    </message>
    <message>
        <source>Thread %1 ended during its step.</source>
        <translation>线程 %1 在执行它的一步时结束了。</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <source>Thread %1 is blocked inside its step (%2) and cannot take another.</source>
        <translation>线程 %1 阻塞在它的这一步（%2）中，不能再执行下一步。</translation>
    </message>
    <message>
        <source>Thread %1 has finished: it takes no more steps.</source>
        <translation>线程 %1 已结束：它不再执行任何步骤。</translation>
    </message>
    <message>
        <source>Thread %1 runs free: it takes no steps.</source>
        <translation>线程 %1 自由运行：它不按步执行。</translation>
    </message>
    <message>
        <source>Thread %1 did not reach its next step within 10 s.</source>
        <translation>线程 %1 在 10 秒内没有到达它的下一步。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Let the selected thread take its next step (F10; or press the thread&apos;s number, or double-click its row)</source>
        <translation>让选中的线程执行它的下一步（F10；也可以按该线程的编号，或双击它所在的行）</translation>
    </message>
    <message>
        <source>Run free</source>
        <translation>自由运行</translation>
    </message>
    <message>
        <source>Let the selected thread run without waiting for grants</source>
        <translation>让选中的线程不再等待授予，自由运行</translation>
    </message>
    <message>
        <source>Run all free</source>
        <translation>全部自由运行</translation>
    </message>
    <message>
        <source>Let every stepping thread run without waiting for grants</source>
        <translation>让所有单步线程不再等待授予，自由运行</translation>
    </message>
    <message>
        <source>Run this schedule again</source>
        <translation>按此调度再运行一次</translation>
    </message>
    <message>
        <source>Start the same experiment with the same parameters in step mode and grant the recorded steps in the same order</source>
        <translation>以单步模式、用相同的参数启动同一个实验，并按相同的顺序授予记录下的各步</translation>
    </message>
    <message>
        <source>Step thread %1</source>
        <translation>线程 %1 单步</translation>
    </message>
</context>
<context>
    <name>StepSchedule</name>
    <message>
        <source>--schedule takes thread numbers from 1 to %1 separated by commas, got &apos;%2&apos;</source>
        <translation>--schedule 需要用逗号分隔的 1 到 %1 的线程编号，得到的是“%2”</translation>
    </message>
    <message>
        <source>%1: load %2</source>
        <translation>%1：读取 %2</translation>
    </message>
    <message>
        <source>%1: store %2 ← %3</source>
        <translation>%1：写入 %2 ← %3</translation>
    </message>
    <message>
        <source>%1: acquire %2</source>
        <translation>%1：获取 %2</translation>
    </message>
    <message>
        <source>%1: release %2</source>
        <translation>%1：释放 %2</translation>
    </message>
    <message>
        <source>%1: put an item</source>
        <translation>%1：放入一项</translation>
    </message>
    <message>
        <source>%1: get an item</source>
        <translation>%1：取出一项</translation>
    </message>
    <message>
        <source>thread %1 disappeared during its step</source>
        <translation>线程 %1 在其步骤中消失了</translation>
    </message>
    <message>
        <source>thread %1 did not finish its step within 10 s</source>
        <translation>线程 %1 未在 10 秒内完成其步骤</translation>
    </message>
    <message>
        <source>step %1: thread %2 is blocked inside its step (%3) and cannot take another</source>
        <translation>第 %1 步：线程 %2 阻塞在其步骤（%3）之中，无法再执行下一步</translation>
    </message>
    <message>
        <source>step %1: thread %2 has finished</source>
        <translation>第 %1 步：线程 %2 已经结束</translation>
    </message>
    <message>
        <source>step %1: thread %2 did not reach its next step within 10 s</source>
        <translation>第 %1 步：线程 %2 未在 10 秒内到达下一步</translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message>
        <source>POSIX cannot kill or stop a single thread from outside: a signal goes to the whole process. Stop thread asks the thread to finish its loop; a thread that is stuck ends only with its process.</source>
        <translation>POSIX 无法从外部杀死或暂停单个线程：信号发送给整个进程。“停止线程”会请求线程结束它的循环；卡住的线程只能随其进程一起结束。</translation>
    </message>
    <message>
        <source>&amp;Terminate (SIGTERM)</source>
        <translation>终止 (SIGTERM)(&amp;T)</translation>
    </message>
    <message>
        <source>Ask the process to end (SIGTERM) — F8</source>
        <translation>请求进程结束（SIGTERM）— F8</translation>
    </message>
    <message>
        <source>&amp;Kill (SIGKILL)</source>
        <translation>杀死 (SIGKILL)(&amp;K)</translation>
    </message>
    <message>
        <source>End the process at once (SIGKILL); it cannot refuse — F9</source>
        <translation>立即结束进程（SIGKILL），进程无法拒绝 — F9</translation>
    </message>
    <message>
        <source>&amp;Stop (SIGSTOP)</source>
        <translation>暂停 (SIGSTOP)(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Continue (SIGCONT)</source>
        <translation>继续 (SIGCONT)(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reap zombie</source>
        <translation>回收僵尸进程(&amp;R)</translation>
    </message>
    <message>
        <source>Collect the exit status of a zombie (waitid): its PID is freed — F7</source>
        <translation>收集僵尸进程的退出状态（waitid），释放它的 PID — F7</translation>
    </message>
    <message>
        <source>Stop &amp;thread</source>
        <translation>停止线程(&amp;T)</translation>
    </message>
    <message>
        <source>Add &amp;producer</source>
        <translation>添加生产者(&amp;P)</translation>
    </message>
    <message>
        <source>Start one more producer thread</source>
        <translation>再启动一个生产者线程</translation>
    </message>
    <message>
        <source>Add c&amp;onsumer</source>
        <translation>添加消费者(&amp;O)</translation>
    </message>
    <message>
        <source>Start one more consumer thread</source>
        <translation>再启动一个消费者线程</translation>
    </message>
    <message>
        <source>%1 sent to process %2.</source>
        <translation>已向进程 %2 发送 %1。</translation>
    </message>
    <message>
        <source>Signals go to the whole process, not to thread %1.</source>
        <translation>信号发送给整个进程，而不是线程 %1。</translation>
    </message>
    <message>
        <source>Could not signal process %1: %2</source>
        <translation>无法向进程 %1 发送信号：%2</translation>
    </message>
    <message>
        <source>Process %1 reaped: its PID is free again.</source>
        <translation>进程 %1 已回收：它的 PID 可以再次使用。</translation>
    </message>
    <message>
        <source>Process %1 is not a zombie the lab keeps.</source>
        <translation>进程 %1 不是实验保留的僵尸进程。</translation>
    </message>
    <message>
        <source>Thread %1 was asked to finish.</source>
        <translation>已请求线程 %1 结束。</translation>
    </message>
    <message>
        <source>Thread %1 cannot be asked to stop: %2</source>
        <translation>无法请求线程 %1 停止：%2</translation>
    </message>
    <message>
        <source>Freeze every thread of the process (SIGSTOP) — %1</source>
        <translation>冻结该进程的所有线程（SIGSTOP）— %1</translation>
    </message>
    <message>
        <source>Let a stopped process go on (SIGCONT) — %1</source>
        <translation>让已暂停的进程继续运行（SIGCONT）— %1</translation>
    </message>
    <message>
        <source>Nothing to reap yet: start an experiment (zombie keeps one), select a task in state Zombie and press %1.</source>
        <translation>还没有可回收的进程：先启动一个实验（zombie 实验会保留一个僵尸进程），选中状态为“僵尸”的任务，再按 %1。</translation>
    </message>
    <message>
        <source>Select a zombie (state Zombie) in the task table, then press %1 to reap it.</source>
        <translation>请先在任务表中选中一个僵尸进程（状态为“僵尸”），再按 %1 回收它。</translation>
    </message>
    <message>
        <source>Process %1 is not a zombie: only a zombie can be reaped.</source>
        <translation>进程 %1 不是僵尸进程：只有僵尸进程才能被回收。</translation>
    </message>
    <message>
        <source>%1 acts on a task of a running experiment: start one first.</source>
        <translation>%1 作用于正在运行的实验中的任务：请先启动一个实验。</translation>
    </message>
    <message>
        <source>Select a process or a thread in the task table first (%1 acts on its process).</source>
        <translation>请先在任务表中选中一个进程或线程（%1 作用于它所属的进程）。</translation>
    </message>
    <message>
        <source>Process %1 is stopped already: Continue lets it go on.</source>
        <translation>进程 %1 已经暂停：“继续”可让它接着运行。</translation>
    </message>
    <message>
        <source>Process %1 has ended: there is nothing to signal.</source>
        <translation>进程 %1 已经结束：没有可以发送信号的对象。</translation>
    </message>
    <message>
        <source>Signal an attached process</source>
        <translation>向附加的进程发送信号</translation>
    </message>
    <message>
        <source>Send %1 to process %2? ProcLab did not start it; it may lose work.</source>
        <translation>要向进程 %2 发送 %1 吗？该进程不是 ProcLab 启动的，它可能会丢失未完成的工作。</translation>
    </message>
    <message>
        <source>Could not signal process %1: it is not in the watched tree.</source>
        <translation>无法向进程 %1 发送信号：它不在被观察的进程树中。</translation>
    </message>
</context>
<context>
    <name>TaskStateName</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Zombie</source>
        <translation>僵尸</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
</context>
<context>
    <name>TaskStateStyle</name>
    <message>
        <source>Started, but not scheduled on a core yet.</source>
        <translation>已启动，但尚未被调度到核心上运行。</translation>
    </message>
    <message>
        <source>On a core, executing its instructions.</source>
        <translation>正在核心上执行指令。</translation>
    </message>
    <message>
        <source>Could run, but waits in the run queue for a free core.</source>
        <translation>可以运行，但在就绪队列中等待空闲的核心。</translation>
    </message>
    <message>
        <source>Sleeping until something happens: a lock, a queue, a timer, a pipe.</source>
        <translation>睡眠，直到某件事发生：锁、队列、定时器、管道。</translation>
    </message>
    <message>
        <source>Stopped by a signal (SIGSTOP); SIGCONT lets it go on.</source>
        <translation>被信号暂停（SIGSTOP）；SIGCONT 可让它继续运行。</translation>
    </message>
    <message>
        <source>Ended, but its parent has not reaped it: the PID stays taken until Reap (waitid).</source>
        <translation>已结束，但父进程尚未回收它：在回收（waitid）之前 PID 一直被占用。</translation>
    </message>
    <message>
        <source>Ended and reaped: it no longer exists.</source>
        <translation>已结束并被回收：它已不复存在。</translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>PPID</source>
        <translation>PPID</translation>
    </message>
    <message>
        <source>Role / name</source>
        <translation>角色 / 名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>Why blocked</source>
        <translation>阻塞原因</translation>
    </message>
    <message>
        <source>Items done</source>
        <translation>已处理项数</translation>
    </message>
    <message>
        <source>%1% running, %2% ready, %3% blocked</source>
        <translation>运行 %1%，就绪 %2%，阻塞 %3%</translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>Thread %1 of process %2</source>
        <translation>进程 %2 的线程 %1</translation>
    </message>
    <message>
        <source>Kernel state letter: %1</source>
        <translation>内核状态字母：%1</translation>
    </message>
    <message>
        <source>Why blocked: %1</source>
        <translation>阻塞原因：%1</translation>
    </message>
    <message>
        <source>Gone: this row disappears in a few seconds.</source>
        <translation>已消失：此行将在几秒后移除。</translation>
    </message>
    <message>
        <source>Time share</source>
        <translation>时间占比</translation>
    </message>
    <message>
        <source>Share of the last interval spent running on a core (green), ready in the run queue (amber), and blocked (blue).</source>
        <translation>上一个采样间隔中在核心上运行（绿色）、在就绪队列中等待（琥珀色）以及处于阻塞状态（蓝色）的时间占比。</translation>
    </message>
    <message>
        <source>Program: %1</source>
        <translation>程序：%1</translation>
    </message>
    <message>
        <source>GIL %</source>
        <translation>GIL %</translation>
    </message>
    <message>
        <source>CPython&apos;s GIL: the share of the last interval a thread held it, read from the process&apos;s memory; on a process row all its threads together, never more than 100 %: one thread at a time runs Python code.</source>
        <translation>CPython 的 GIL：线程在上一个采样间隔中持有它的时间比例，从进程内存中读取；进程行显示其所有线程之和，永远不超过 100 %：同一时刻只有一个线程运行 Python 代码。</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1（原为 %2）</translation>
    </message>
    <message>
        <source>Re-parented: its parent %1 died, and %2 adopted it.</source>
        <translation>已更换父进程：父进程 %1 已死亡，由 %2 收养。</translation>
    </message>
    <message>
        <source>Gone, kept for the rest of the run because it mattered: %1</source>
        <translation>已结束，因与本实验相关而保留到运行结束：%1</translation>
    </message>
</context>
<context>
    <name>TaskTreePanel</name>
    <message>
        <source>Filter by PID, TID, name or reason (Ctrl+F)</source>
        <translation>按 PID、TID、名称或原因筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filter tasks</source>
        <translation>筛选任务</translation>
    </message>
    <message>
        <source>Show only %1 tasks (several may be chosen)</source>
        <translation>只显示“%1”状态的任务（可多选）</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>筛选：%1</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Show ProcLab&apos;s &amp;own threads</source>
        <translation>显示 ProcLab 自己的线程(&amp;O)</translation>
    </message>
    <message>
        <source>Show the control thread of every lab process (proclab-worker, waiting in poll() for ProcLab&apos;s commands)</source>
        <translation>显示每个实验进程的控制线程（proclab-worker，在 poll() 中等待 ProcLab 的命令）</translation>
    </message>
</context>
<context>
    <name>TelemetryBlock</name>
    <message>
        <source>a telemetry block has 1 to %1 thread slots</source>
        <translation>遥测块有 1 到 %1 个线程槽位</translation>
    </message>
    <message>
        <source>a telemetry block has at most %1 locks</source>
        <translation>遥测块最多有 %1 把锁</translation>
    </message>
    <message>
        <source>lock name &apos;%1&apos; must have 1 to %2 bytes</source>
        <translation>锁名“%1”的长度必须为 1 到 %2 字节</translation>
    </message>
    <message>
        <source>a telemetry block has at most %1 queues</source>
        <translation>遥测块最多有 %1 个队列</translation>
    </message>
    <message>
        <source>a queue holds 1 to %1 items of 1 to %2 bytes</source>
        <translation>队列可容纳 1 到 %1 个数据项，每项 1 到 %2 字节</translation>
    </message>
    <message>
        <source>cannot set up lock %1: %2</source>
        <translation>无法初始化锁 %1：%2</translation>
    </message>
    <message>
        <source>the shared memory is too small for a telemetry block</source>
        <translation>共享内存太小，放不下遥测块</translation>
    </message>
    <message>
        <source>the shared memory holds no telemetry block of this ProcLab version</source>
        <translation>共享内存中没有本版本 ProcLab 的遥测块</translation>
    </message>
    <message>
        <source>the telemetry block in shared memory has an inconsistent size</source>
        <translation>共享内存中遥测块的大小不一致</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Which lab thread ran on each core</source>
        <translation>每个核心上运行的是哪个实验线程</translation>
    </message>
    <message>
        <source>The state of every lab thread over time</source>
        <translation>每个实验线程的状态随时间的变化</translation>
    </message>
    <message>
        <source>holds the GIL (darker: longer)</source>
        <translation>持有 GIL（颜色越深：持有越久）</translation>
    </message>
</context>
<context>
    <name>WaitGraphPanel</name>
    <message>
        <source>No deadlock: every waiting thread can still be released by a thread that runs.</source>
        <translation>没有死锁：每个等待中的线程都还能被某个正在运行的线程释放。</translation>
    </message>
    <message>
        <source>Break it</source>
        <translation>打破死锁</translation>
    </message>
    <message>
        <source>The wait-for graph shows who waits for whom. A cycle in it is a deadlock.</source>
        <translation>等待图显示谁在等待谁。图中的环就是死锁。</translation>
    </message>
    <message>
        <source>Wait-for graph</source>
        <translation>等待图</translation>
    </message>
    <message>
        <source>Break it: %1</source>
        <translation>打破它：%1</translation>
    </message>
    <message>
        <source>No kill can free %1: its owner, TID %2, is already dead. Stop the experiment, or run it with a robust lock (robust=true).</source>
        <translation>任何 kill 都无法释放 %1：它的持有者 TID %2 已经死亡。请停止实验，或使用健壮锁（robust=true）重新运行。</translation>
    </message>
    <message>
        <source>Break it: kill process %1 (%2)</source>
        <translation>打破它：杀死进程 %1（%2）</translation>
    </message>
    <message>
        <source>child of %1</source>
        <translation>%1 的子进程</translation>
    </message>
    <message>
        <source>%1 waits for child %2 to end: killing the child ends that wait, and the cycle opens.</source>
        <translation>%1 在等待子进程 %2 结束：杀死该子进程即可结束这次等待，环随之打开。</translation>
    </message>
    <message>
        <source>Every thread of the cycle is in process %1: killing it ends them all, and the cycle with them.</source>
        <translation>环中的所有线程都在进程 %1 中：杀死它会结束所有这些线程，环也随之消失。</translation>
    </message>
    <message>
        <source>Killing process %1 ends %2&apos;s wait and opens the cycle. The locks it holds (%3) stay taken by a dead owner unless they are robust: then the others wait for that dead owner.</source>
        <translation>杀死进程 %1 会结束 %2 的等待并打开环。除非是健壮锁，否则它持有的锁（%3）仍被已死亡的持有者占用：其他线程将转而等待这个已死亡的持有者。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A thread cannot be killed from outside in POSIX: breaking the cycle kills the process of one of its threads. It is offered only where a kill can end the wait.</source>
        <translation>在 POSIX 中无法从外部杀死单个线程：打破环会杀死其中某个线程所在的进程。仅在 kill 能结束等待时才提供此操作。</translation>
    </message>
    <message>
        <source>&amp;Break the deadlock</source>
        <translation>打破死锁(&amp;B)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1&apos;s process</source>
        <translation>%1 所在的进程</translation>
    </message>
</context>
<context>
    <name>WaitGraphView</name>
    <message>
        <source>waits for</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>held by</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>could be released by</source>
        <translation>可释放者</translation>
    </message>
    <message>
        <source>TID %1 (dead) held %2</source>
        <translation>TID %1（已死亡）持有 %2</translation>
    </message>
</context>
<context>
    <name>WaitGraphWidget</name>
    <message>
        <source>No lab thread waits on a lock, a queue, a pipe or a child right now.</source>
        <translation>目前没有实验线程在等待锁、队列、管道或子进程。</translation>
    </message>
    <message numerus="yes">
        <source>%n more not drawn</source>
        <translation>
            <numerusform>另有 %n 个未画出</numerusform>
        </translation>
    </message>
    <message>
        <source>thread that waits</source>
        <translation>等待中的线程</translation>
    </message>
    <message>
        <source>thread that runs (it can release the others)</source>
        <translation>运行中的线程（它能释放其他线程）</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>锁</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>process</source>
        <translation>进程</translation>
    </message>
</context>
<context>
    <name>WorkerLauncher</name>
    <message>
        <source>Cannot start lab process %1: no control socket: %2.</source>
        <translation>无法启动实验进程 %1：没有控制套接字：%2。</translation>
    </message>
    <message>
        <source>Cannot start lab process %1: %2.</source>
        <translation>无法启动实验进程 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot start lab process %1: %2 cannot be executed (%3).</source>
        <translation>无法启动实验进程 %1：%2 无法执行（%3）。</translation>
    </message>
</context>
<context>
    <name>ZombieExperiment</name>
    <message>
        <source>Zombie: a child nobody waited for</source>
        <translation>僵尸进程：没有人等待的子进程</translation>
    </message>
    <message>
        <source>A child is terminated and not reaped: it stays in state Z and keeps its PID until the parent waits.</source>
        <translation>子进程被终止但没有被回收：它停留在 Z 状态并占用着 PID，直到父进程等待它。</translation>
    </message>
    <message>
        <source>ProcLab starts child processes and, after a moment, terminates them with SIGTERM — what Python&apos;s Process.terminate() does. The children die at once, but the kernel keeps a small record of each (its PID and exit status) until the parent collects it with wait(). Until then the child is a zombie: state Z, no memory, no CPU, but its PID is still taken. Watch the rows turn Zombie and stay; press Reap (F7) and they disappear. A program that never joins its children leaks PIDs this way.</source>
        <translation>ProcLab 启动若干子进程，片刻之后用 SIGTERM 终止它们——这正是 Python 的 Process.terminate() 所做的。子进程立即死亡，但内核会为每个子进程保留一条很小的记录（它的 PID 和退出状态），直到父进程用 wait() 收集它。在此之前，子进程是一个僵尸进程：状态为 Z，没有内存，不占 CPU，但它的 PID 仍被占用。请观察这些行变为僵尸并一直保留；按下“回收僵尸进程”（F7），它们就会消失。一个从不 join 其子进程的程序就会这样泄漏 PID。</translation>
    </message>
    <message>
        <source>children to start and terminate</source>
        <translation>要启动并终止的子进程数</translation>
    </message>
    <message>
        <source>seconds before the children are terminated</source>
        <translation>终止子进程之前等待的秒数</translation>
    </message>
    <message>
        <source>seconds the zombies are kept before ProcLab reaps them (0: until you press Reap)</source>
        <translation>ProcLab 回收僵尸进程之前保留它们的秒数（0：直到你按下“回收僵尸进程”）</translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren) killed by SIGTERM stayed in state Z, PID still taken, until reaped.</source>
        <translation>
            <numerusform>%n 个被 SIGTERM 终止的子进程停留在 Z 状态，PID 仍被占用，直到被回收。</numerusform>
        </translation>
    </message>
    <message>
        <source>No child killed by SIGTERM was seen lingering in state Z (%1 killed by SIGTERM, %2 announced as zombies).</source>
        <translation>没有观察到被 SIGTERM 终止的子进程停留在 Z 状态（%1 个被 SIGTERM 终止，%2 个被报告为僵尸进程）。</translation>
    </message>
    <message>
        <source>A child is killed and its parent does not wait() for it. What is left of it?</source>
        <translation>一个子进程被杀死，而它的父进程没有对它调用 wait()。它还剩下什么？</translation>
    </message>
    <message>
        <source>Nothing: it is gone at once</source>
        <translation>什么也不剩：它立刻消失</translation>
    </message>
    <message>
        <source>A zombie (state Z) that keeps its PID until reaped</source>
        <translation>一个僵尸进程（状态 Z），在被回收之前一直占着它的 PID</translation>
    </message>
</context>
</TS>
