using Kim.Functions;
using Kim.Functions.Runtime;
using Kim.Functions.Storage;

var builder = WebApplication.CreateBuilder(args);
KimHosting.ConfigureUrls(builder);
builder.Services.AddOpenApi();
builder.Services.AddKimStorage(builder.Configuration, builder.Environment);
builder.Services.AddKimRuntime(runDispatcher: !KimHosting.IsFunctionsHost(builder.Configuration));

var app = builder.Build();
app.MapOpenApi();
app.MapHealthApi();
app.MapWorkTrigger();
app.Run();

/// <summary>Exposed for the test host.</summary>
public partial class Program;
