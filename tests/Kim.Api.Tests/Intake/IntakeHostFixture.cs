namespace Kim.Api.Tests.Intake;

/// <summary>One Development host for the intake tests; each test uses its own partner references.</summary>
public sealed class IntakeHostFixture : IAsyncLifetime
{
    private KimApiHost? _host;

    public KimApiHost Host => _host ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _host = await KimApiHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
