using Kim.Functions;
using Kim.Functions.Access;
using Kim.Functions.Administration;
using Kim.Functions.Cases;
using Kim.Functions.Http;
using Kim.Functions.Intake;
using Kim.Functions.Limits;
using Kim.Functions.Mail;
using Kim.Functions.Partners;
using Kim.Functions.Reminders;
using Kim.Functions.Runtime;
using Kim.Functions.Storage;
using Kim.Functions.Triggers;
using Kim.Functions.Workflows;

// A bad setting stops start-up with one line that names it (SettingErrors), not a stack trace.
try
{
    var builder = WebApplication.CreateBuilder(args);
    KimHosting.ConfigureUrls(builder);
    var standalone = !KimHosting.IsFunctionsHost(builder.Configuration);

    builder.Services.AddOpenApi();
    builder.Services.AddKimHttp(builder.Configuration);
    builder.Services.AddKimStorage(builder.Configuration, builder.Environment);
    builder.Services.AddKimCaseStorage();
    builder.Services.AddKimCases();
    builder.Services.AddKimWorkflows(builder.Configuration);
    builder.Services.AddKimRuntime(runDispatcher: standalone);
    builder.Services.AddKimAccessStorage();
    builder.Services.AddKimAccess(builder.Configuration);
    builder.Services.AddKimLimits(builder.Configuration);
    builder.Services.AddKimIntakeWorkflow();
    builder.Services.AddKimIntake(builder.Configuration);
    builder.Services.AddKimMail(builder.Configuration, builder.Environment);
    builder.Services.AddKimReminders();

    var app = builder.Build();
    SettingErrors.ValidateOptions(app.Services);
    if (await DemoDataGuard.RefusalAsync(app.Services.GetRequiredService<IAccessDirectory>(), app.Environment, CancellationToken.None) is { } refusal)
    {
        // One line that says what to do; a stack trace would only hide it.
        await Console.Error.WriteLineAsync(refusal);
        return 1;
    }

    app.UseKimHttp();
    app.UseKimAccess();
    app.MapApiDocs();
    app.MapHealthApi();
    app.MapKimIntake();
    app.MapKimCases();
    app.MapKimPartnerReferrals();
    app.MapKimAdministration();
    app.MapKimAudit();
    app.MapKimCaseExport();
    app.MapMailApi();
    app.MapFunctionsTriggers(app.Configuration);
    app.Run();
    return 0;
}
catch (Exception exception) when (SettingErrors.Describe(exception) is { } line)
{
    await Console.Error.WriteLineAsync(line);
    return 1;
}

/// <summary>Exposed for the test host.</summary>
public partial class Program;
