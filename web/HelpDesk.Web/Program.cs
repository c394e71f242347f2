using HelpDesk.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<HelpDeskOptions>().Bind(builder.Configuration.GetSection(HelpDeskOptions.Section));
builder.AddHelpDeskLogging();
builder.AddHelpDeskData();
builder.AddHelpDeskContent();
builder.AddHelpDeskIdentity();
builder.Services.AddHelpDeskLocalization();
builder.Services.AddHelpDeskPages();
builder.Services.AddHelpDeskFirstRun();
builder.Services.AddHelpDeskDesk();
builder.Services.AddHelpDeskResidents();
builder.Services.AddHelpDeskDocuments();
builder.Services.AddHelpDeskMail();
builder.Services.AddHelpDeskDossiers();
builder.Services.AddHelpDeskRateLimits();

var app = builder.Build();
app.MigrateDatabase();
await app.EnsureRolesAsync();
await app.SeedDemoIfEnabledAsync();

// Language first, so error pages re-executed below keep the visitor's language.
app.UseRequestLocalization();
app.RememberCultureFromQuery();
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
app.UseSecurityHeaders();
app.UseUploadSizeLimit();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
// After the rate limiter (cached answers count as tries) and authentication (signed-in users are answered fresh).
app.UseOutputCache();
app.MapHealth();
app.MapRazorPages();
app.MapNotFound();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
