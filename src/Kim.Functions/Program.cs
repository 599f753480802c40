using Kim.Functions.Mail;
using Kim.Functions.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi();
builder.Services.AddKimStorage(builder.Configuration, builder.Environment);
builder.Services.AddKimMail(builder.Configuration, builder.Environment);

var app = builder.Build();
app.MapOpenApi();
app.MapHealthApi();
app.MapMailApi();
app.Run();

/// <summary>Exposed for the test host.</summary>
public partial class Program;
