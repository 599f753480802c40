var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi();

var app = builder.Build();
app.MapOpenApi();
app.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>Exposed for the test host.</summary>
public partial class Program;
