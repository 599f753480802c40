using System.Collections.Concurrent;

namespace Kim.Core.Records;

/// <summary>The action handlers by <see cref="IActionHandler.Name"/>.</summary>
public sealed class ActionRegistry
{
    private readonly ConcurrentDictionary<string, IActionHandler> _handlers = new(StringComparer.Ordinal);

    public ActionRegistry Add(IActionHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryAdd(handler.Name, handler))
        {
            throw new InvalidOperationException($"Action {handler.Name} is already registered.");
        }

        return this;
    }

    public IActionHandler? Find(string name) => _handlers.GetValueOrDefault(name);
}
