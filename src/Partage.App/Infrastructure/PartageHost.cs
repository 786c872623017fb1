using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Partage.App.Demo;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Infrastructure.Telemetry;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Notifications;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Purchases;
using Partage.App.Modules.Governance;
using Partage.App.Modules.Leasing;
using Partage.App.Modules.Reporting;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Scalar.AspNetCore;

namespace Partage.App.Infrastructure;

/// <summary>Composition of the platform: services, middleware and endpoints. Program.cs only calls this.</summary>
public static class PartageHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        services.AddSingleton(AppClock.From(builder.Configuration, builder.Environment));
        services.AddPartageDatabase(DatabaseOptions.From(builder.Configuration));
        PersonalDataCipher.Configure(builder.Configuration["Security:PersonalDataKey"], builder.Configuration["Security:PreviousPersonalDataKeys"]);
        services.AddPartageSecurity(builder.Configuration);
        services.AddPartageMail(builder.Configuration).AddPartageTelemetry(builder.Configuration);
        services.AddAudit().AddLegalEntities().AddOffices().AddMembers().AddNotifications().AddActivities().AddLedger().AddClients().AddInvoicing(builder.Configuration).AddPayroll(builder.Configuration).AddEmployers(builder.Configuration).AddPurchases(builder.Configuration).AddGovernance().AddLeasing(builder.Configuration).AddReporting();
        services.AddScoped<DemoSeeder>().AddScoped<DemoMembers>().AddScoped<DemoBooks>().AddScoped<DemoSales>().AddScoped<DemoPayroll>().AddScoped<DemoEmployers>().AddScoped<DemoPurchases>().AddScoped<DemoGovernance>().AddScoped<DemoLeasing>();
        builder.AddPartageScheduling(DatabaseOptions.From(builder.Configuration));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // The problems the status code pages write (no handler wrote a body): in French, with a code like every other problem.
            switch (context.ProblemDetails.Status, context.ProblemDetails.Title)
            {
                case (StatusCodes.Status401Unauthorized, null or "Unauthorized"):
                    context.ProblemDetails.Title = "Connexion requise : jeton absent, invalide ou expiré (POST /api/v1/auth/token).";
                    context.ProblemDetails.Extensions["code"] = "auth.unauthenticated";
                    break;
                case (StatusCodes.Status403Forbidden, null or "Forbidden"):
                    context.ProblemDetails.Title = "Cette fonction est réservée à d'autres rôles (finance, paie ou personnel de la coopérative).";
                    context.ProblemDetails.Extensions["code"] = "auth.forbidden";
                    break;
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new TypedIdJsonConverterFactory());
            o.SerializerOptions.Converters.Add(new MoneyJsonConverter());
        });
        services.AddPartageOpenApi();
        // French pages: write accented letters as they are instead of &#xE9; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            // Pages live beside their module (Modules/*/Pages) and in Ui/Pages; each declares an absolute route.
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/Modules");
        }).AddMvcOptions(o => o.Filters.Add<UnhandledPostFilter>());
        services.AddFrenchModelBinding();
        services.AddScoped<Ui.Pages.RoleHome>();
        // Used when Security:RequireHttps is on: behind a proxy the port the platform listens on is not the public one; HSTS for a year.
        services.AddHttpsRedirection(o => o.HttpsPort = 443);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // The anti-forgery cookie is Secure over HTTPS like the sign-in cookie (its default is never).
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHealthChecks().AddDbContextCheck<PartageDbContext>("database");
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.AddHttpLoggingInterceptor<RequestLogRedaction>();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        var security = app.Services.GetRequiredService<SecurityOptions>();
        if (security.TrustForwardedHeaders)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();   // the proxy in front is the deployment's: its address is not known here
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<SecurityHeaders>();
        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseHttpLogging();
        app.UseRequestLocalization("fr-FR");
        app.UseExceptionHandler("/erreur");
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/erreur/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<Security.TwoFactor.StaffTwoFactorGate>();
        app.UseMiddleware<Idempotency>();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapPartageMetrics();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Partage API")).AllowAnonymous();

        var anonymousApi = app.MapGroup("/api/v1").AllowAnonymous().DisableAntiforgery();
        var api = app.MapGroup("/api/v1").RequireAuthorization(SecuritySetup.ApiPolicy).DisableAntiforgery();
        anonymousApi.MapPost("/auth/token", IssueToken).WithTags("Authentification").WithName("IssueToken")
            .WithSummary("Échange e-mail et mot de passe contre un jeton porteur (verrouillage après échecs répétés)");
        SecuritySetup.MapAccountEndpoints(anonymousApi, api);
        MapModules(api, anonymousApi);

        app.MapRazorPages();
        return app;
    }

    /// <summary>Each module's API, under the authenticated group (and the anonymous one where a module has public doors).</summary>
    private static void MapModules(RouteGroupBuilder api, RouteGroupBuilder anonymousApi)
    {
        LegalEntitiesModule.MapLegalEntitiesEndpoints(api);
        OfficesModule.MapOfficesEndpoints(api);
        MembersModule.MapMembersEndpoints(api, anonymousApi);
        NotificationsModule.MapNotificationsEndpoints(api);
        ActivitiesModule.MapActivitiesEndpoints(api);
        LedgerModule.MapLedgerEndpoints(api);
        ClientsModule.MapClientsEndpoints(api);
        InvoicingModule.MapInvoicingEndpoints(api);
        PayrollModule.MapPayrollEndpoints(api, anonymousApi);
        EmployersModule.MapEmployersEndpoints(api);
        PurchasesModule.MapPurchasesEndpoints(api);
        GovernanceModule.MapGovernanceEndpoints(api);
        LeasingModule.MapLeasingEndpoints(api);
        ReportingModule.MapReportingEndpoints(api);
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sign-in for a token; an account with a second factor adds a code from its app, or a recovery code.</summary>
    public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

    private static async Task<IResult> IssueToken(TokenRequest request, SignInManager<PartageUser> signIn, PasswordSignIn passwords)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["Email"] = ["L'e-mail et le mot de passe sont obligatoires."] });
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var outcome = await passwords.SignInAsync(request.Email, request.Password);
        if (outcome == SignInOutcome.SecondFactorRequired && string.IsNullOrWhiteSpace(request.TwoFactorCode) && string.IsNullOrWhiteSpace(request.TwoFactorRecoveryCode))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Code de double authentification requis : ajoutez twoFactorCode (le code de votre application) ou twoFactorRecoveryCode.",
                extensions: new Dictionary<string, object?> { ["code"] = "auth.two_factor_required" });
        }

        if (outcome == SignInOutcome.Succeeded
            || (outcome == SignInOutcome.SecondFactorRequired && await passwords.SecondFactorAsync(request.TwoFactorCode, request.TwoFactorRecoveryCode)))
        {
            return Results.Empty;   // the bearer handler has written the token response
        }

        // The same answer for an unknown e-mail, a wrong password, a locked account and a wrong second factor.
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: PasswordSignIn.Refused, extensions: new Dictionary<string, object?> { ["code"] = "auth.refused" });
    }

    /// <summary>
    /// At start of the web server: outside Development the required settings are checked first
    /// (<see cref="RequiredSettings"/>); SQLite migrates itself (after a backup); PostgreSQL must
    /// already be migrated by `partage db migrate` unless Database:MigrateOnStart says otherwise.
    /// Only in Development is an empty database filled with the demo (Demo:SeedOnFirstStart): a
    /// deployed start never creates the demo accounts and their published password.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment() && RequiredSettings.Problems(app.Configuration) is { Count: > 0 } problems)
        {
            throw new StartupRefusedException(
                $"Partage ne démarre pas : réglages obligatoires manquants ({app.Environment.EnvironmentName}). Définissez-les (variables d'environnement ou appsettings) :"
                + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}")));
        }

        if (SchedulingSetup.Problems(app.Configuration, app.Services.GetServices<ScheduledJobDefinition>()) is { Count: > 0 } schedules)
        {
            throw new StartupRefusedException("Partage ne démarre pas : planification invalide :" + string.Concat(schedules.Select(p => $"{Environment.NewLine}  - {p}")));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (options.MigrateOnStart ?? options.Provider == DatabaseProvider.Sqlite)
        {
            await migrator.MigrateAsync();
        }
        else if ((await migrator.PendingAsync()).Count > 0)
        {
            throw new InvalidOperationException("La base PostgreSQL n'est pas à jour : lancez `partage db migrate` avant de démarrer.");
        }

        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.EnsureRolesAsync();
        var demo = app.Configuration.GetSection("Demo");
        if (app.Environment.IsDevelopment() && demo.GetValue("SeedOnFirstStart", false) && await seeder.IsEmptyAsync())
        {
            await seeder.SeedAsync(demo.GetValue("Members", 300), demo.GetValue("Seed", 2016));
        }

        var urls = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : app.Configuration["Urls"] ?? "http://localhost:5080";
        Console.WriteLine($"Partage écoute sur {urls} (base : {options.Provider}).");
        if (app.Environment.IsDevelopment())
        {
            await seeder.PrintDemoAccountsAsync(Console.Out);
        }
    }
}
