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
            <source>unknown command '%1'; allowed: %2</source>
            <translation>未知命令“%1”；可用命令：%2</translation>
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
            <source>unexpected argument '%1'; the window takes only options</source>
            <translation>多余的参数“%1”；窗口只接受选项</translation>
        </message>
        <message>
            <source>--set takes KEY=VALUE, got '%1'</source>
            <translation>--set 需要 KEY=VALUE 形式，收到的是“%1”</translation>
        </message>
        <message>
            <source>--interval takes milliseconds from %1 to %2, got '%3'</source>
            <translation>--interval 需要 %1 到 %2 之间的毫秒数，收到的是“%3”</translation>
        </message>
        <message>
            <source>--lang takes %1, got '%2'</source>
            <translation>--lang 可取 %1，收到的是“%2”</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>ProcLab</source>
            <translation>ProcLab</translation>
        </message>
        <message>
            <source>&lt;h2&gt;ProcLab&lt;/h2&gt;&lt;p&gt;A live lab for Linux processes and threads: start an experiment and watch what the kernel does with its tasks — who is running, who is ready and waiting for a core, who is blocked and on what.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;ProcLab&lt;/h2&gt;&lt;p&gt;Linux 进程与线程的实时实验室：启动一个实验，观察内核如何对待其中的任务——谁在运行，谁已就绪并在等待 CPU 核心，谁被阻塞、阻塞在什么上。&lt;/p&gt;</translation>
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
    </context>
</TS>
