using Kim.Testing;

namespace Kim.Storage.Tests;

/// <summary>The whole project shares one in-memory Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
