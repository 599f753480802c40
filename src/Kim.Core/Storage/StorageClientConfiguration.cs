using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// Adjusts the options of every storage client the app creates: Kim's own (<c>AddKimStorage</c>) and
/// the Durable task hub's (Standalone's <c>DurableBackend</c>), e.g. pipeline policies that count
/// the storage requests of each in the benchmarks (bench/Kim.Bench). Register at most one as a
/// singleton before the clients are first resolved; without it the clients keep
/// <see cref="StorageAccount"/>'s options.
/// </summary>
/// <param name="configure">Adjusts Kim's clients, and the task hub's when <paramref name="configureTaskHub"/> is null.</param>
/// <param name="configureTaskHub">Adjusts the task hub's clients; null: <paramref name="configure"/>.</param>
public sealed class StorageClientConfiguration(Action<ClientOptions> configure, Action<ClientOptions>? configureTaskHub = null)
{
    /// <summary>Adjusts the options of one of Kim's own clients and returns them.</summary>
    public T Apply<T>(T options)
        where T : ClientOptions
    {
        configure(options);
        return options;
    }

    /// <summary>Adjusts the options of one of the task hub's clients and returns them.</summary>
    public T ApplyToTaskHub<T>(T options)
        where T : ClientOptions
    {
        (configureTaskHub ?? configure)(options);
        return options;
    }
}
