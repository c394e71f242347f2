using HelpDesk.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<HelpDeskOptions>().Bind(builder.Configuration.GetSection(HelpDeskOptions.Section));
builder.AddHelpDeskLogging();
builder.AddHelpDeskData();
builder.AddHelpDeskIdentity();
builder.Services.AddHelpDeskLocalization();
builder.Services.AddHelpDeskPages();
builder.Services.AddHelpDeskFirstRun();

var app = builder.Build();
app.MigrateDatabase();
await app.EnsureRolesAsync();
await app.SeedDemoIfEnabledAsync();

app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapRazorPages();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
