using System.Collections.Concurrent;

namespace Kim.Core.Records;

/// <summary>
/// Workflow definitions by (name, version). New instances take the newest version; an instance keeps
/// the version it started with, so registering version 2 leaves running version-1 instances on 1.
/// </summary>
public sealed class WorkflowRegistry
{
    private readonly ConcurrentDictionary<(string Name, int Version), IWorkflowDefinition> _definitions = new();

    /// <summary>A registry holding <paramref name="definitions"/> (e.g. <c>KimWorkflows.Create()</c>).</summary>
    /// <exception cref="InvalidOperationException">Two definitions share a name and version.</exception>
    public static WorkflowRegistry Of(IEnumerable<IWorkflowDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var registry = new WorkflowRegistry();
        foreach (var definition in definitions)
        {
            registry.Add(definition);
        }

        return registry;
    }

    public WorkflowRegistry Add(IWorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!_definitions.TryAdd((definition.Name, definition.Version), definition))
        {
            throw new InvalidOperationException($"Workflow {definition.Name} v{definition.Version} is already registered.");
        }

        return this;
    }

    /// <summary>Forgets a version (an old one whose instances have all ended).</summary>
    public bool Remove(string name, int version) => _definitions.TryRemove((name, version), out _);

    public IWorkflowDefinition? Find(string name, int version) => _definitions.GetValueOrDefault((name, version));

    public IWorkflowDefinition? Newest(string name) =>
        _definitions.Values.Where(d => d.Name == name).MaxBy(d => d.Version);
}
