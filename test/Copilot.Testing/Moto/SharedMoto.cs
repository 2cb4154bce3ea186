namespace Copilot.Testing.Moto;

/// <summary>
/// The one moto server of a test assembly, started by the first fixture that asks and stopped by the assembly's
/// <c>[SetUpFixture]</c> (<see cref="Stop"/>) after the last test. Fixtures share it side by side, so what they write
/// must not collide: a world is seeded once per server under its key (<see cref="SeededAsync"/>), and anything a
/// fixture adds on top carries names of its own (stack, parameter, tag, application). <see cref="CopilotWorld"/> and
/// <see cref="DeployableWorld"/> both create <c>my-app-test</c>, so an assembly seeds only one of them. Fixtures that stop
/// the server or need one configured differently (IAM checks) start a <see cref="MotoServer"/> of their own.
/// </summary>
public static class SharedMoto
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Task> Seeds = new(StringComparer.Ordinal);
    private static Task<MotoServer>? starting;

    static SharedMoto() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();

    /// <summary>The assembly's server, started on first use. A failed start fails the fixtures waiting for it; the next caller tries again.</summary>
    public static async Task<MotoServer> ServerAsync()
    {
        Task<MotoServer> start;
        lock (Gate)
        {
            start = starting ??= MotoServer.StartAsync();
        }

        try
        {
            return await start.ConfigureAwait(false);
        }
        catch
        {
            lock (Gate)
            {
                if (ReferenceEquals(starting, start))
                {
                    starting = null;
                }
            }

            throw;
        }
    }

    /// <summary>The assembly's server with the world <paramref name="key"/> in it: the first caller seeds it, the others wait for that.</summary>
    public static async Task<MotoServer> SeededAsync(string key, Func<MotoServer, Task> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var server = await ServerAsync().ConfigureAwait(false);
        Task seeding;
        lock (Gate)
        {
            if (!Seeds.TryGetValue(key, out seeding!))
            {
                seeding = seed(server);
                Seeds[key] = seeding;
            }
        }

        await seeding.ConfigureAwait(false);
        return server;
    }

    /// <summary>Stops the server if one was started (the assembly's <c>[SetUpFixture]</c> calls this once, after every test).</summary>
    public static void Stop()
    {
        Task<MotoServer>? started;
        lock (Gate)
        {
            started = starting;
            starting = null;
            Seeds.Clear();
        }

        if (started is { IsCompletedSuccessfully: true })
        {
            started.Result.Dispose();
        }
        else
        {
            // Still starting (a run cancelled early): stop it as soon as it is up.
            started?.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }
}
