using System.Runtime.InteropServices;

namespace Copilot.Tool;

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM into cancellation of the run's token, so the core stops at its next
/// cancellation point and writes nothing. A second signal is not intercepted: the process then ends the default way.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly PosixSignalRegistration[] registrations;
    private int received;

    public SignalCancellation(CancellationTokenSource source)
    {
        this.source = source;
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>The exit code for a cancelled run: 143 after SIGTERM, 130 after SIGINT or a cancelled caller token.</summary>
    public int ExitCode => Volatile.Read(ref received) == (int)PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref received, (int)context.Signal, 0) != 0)
        {
            return; // The second signal: let the runtime end the process.
        }

        context.Cancel = true;
        source.Cancel();
    }
}
