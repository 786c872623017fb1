using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Security;

public sealed class SecurityOptions
{
    /// <summary>Failed sign-ins from one address on one account before that address is refused for that account (LockoutMinutes).</summary>
    public int LockoutMaxFailedAttempts { get; set; } = 5;

    /// <summary>
    /// Failed sign-ins on one account, from all addresses, before the account itself is locked: far above the per-address
    /// limit, so that one address cannot lock anybody out, while a guessing spread over many addresses still stops.
    /// </summary>
    public int AccountLockoutMaxFailedAttempts { get; set; } = 50;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>The "Security" settings, refused at start when a count or a duration is not positive.</summary>
    public static SecurityOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        if (new[] { options.LockoutMaxFailedAttempts, options.AccountLockoutMaxFailedAttempts, options.LockoutMinutes, options.AccessTokenMinutes, options.RefreshTokenDays, options.PasswordResetMinutes, options.EmailConfirmationHours, options.AccountRequestsPerMinute, options.PublicRequestsPerMinute }.Any(v => v < 1))
        {
            throw new InvalidOperationException(
                "Security: LockoutMaxFailedAttempts, AccountLockoutMaxFailedAttempts, LockoutMinutes, AccessTokenMinutes, RefreshTokenDays, PasswordResetMinutes, EmailConfirmationHours, AccountRequestsPerMinute et PublicRequestsPerMinute doivent être positifs.");
        }

        return options;
    }

    /// <summary>Sign-ins, tokens, registrations and resets sent from one address per minute (429 beyond).</summary>
    public int AccountRequestsPerMinute { get; set; } = 10;

    /// <summary>Requests to the public pages (a quote's answer, the simulator and its API) from one address per minute.</summary>
    public int PublicRequestsPerMinute { get; set; } = 60;

    /// <summary>Lifetime of an API access token: short, a stolen one is soon worthless; the refresh token gets the next.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Lifetime of a refresh token (each serves once: a refresh returns the next).</summary>
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>How long a password reset link is worth (it also dies once used).</summary>
    public int PasswordResetMinutes { get; set; } = 30;

    /// <summary>
    /// Staff and managers must sign in with a second factor (TOTP); until they set one up they reach only its setup page.
    /// On by default; appsettings.Development.json turns it off for the demo's accounts.
    /// </summary>
    public bool RequireStaffTwoFactor { get; set; } = true;

    /// <summary>How long the link confirming a registration's e-mail is worth (registering again with the address sends a new one).</summary>
    public int EmailConfirmationHours { get; set; } = 48;

    /// <summary>Served over HTTPS: plain HTTP is redirected and browsers are told to use HTTPS only (HSTS, one year).</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Behind a reverse proxy: its X-Forwarded-For and X-Forwarded-Proto are believed, so an HTTPS request is known as one (cookies Secure, redirects).</summary>
    public bool TrustForwardedHeaders { get; set; }
}

public static class SecuritySetup
{
    public const string ApiPolicy = "Api";

    /// <summary>Finance's functions: the books, the bank, payments received, the guarantee fund, dunning.</summary>
    public const string FinancePolicy = "Finance";

    /// <summary>Payroll staff's functions: the payroll run, wage batches, declarations, the contract-management service.</summary>
    public const string PayrollPolicy = "Payroll";

    /// <summary>What any of the cooperative's staff may read: reports across offices and employers.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>
    /// The API's role groups, checked on the route before any handler runs, in addition to each
    /// handler's check of the resource: a signed-in user outside the group gets 403 (the function is
    /// not theirs), a resource that is not theirs stays 404. Administrators belong to every group.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolePolicies = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [FinancePolicy] = [Roles.Admin, Roles.Finance],
        [PayrollPolicy] = [Roles.Admin, Roles.Payroll],
        [StaffPolicy] = [Roles.Admin, Roles.Finance, Roles.Payroll, Roles.Governance],
    };

    public static IServiceCollection AddPartageSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var options = SecurityOptions.From(configuration);
        services.AddSingleton(options);
        AddPartageIdentity(services, options);
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(options.AccessTokenMinutes);
                o.RefreshTokenExpiration = TimeSpan.FromDays(options.RefreshTokenDays);
                o.Events = new BearerTokenEvents { OnMessageReceived = BearerTokenRevocation.CheckAsync };
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/connexion";
                o.LogoutPath = "/deconnexion";
                o.AccessDeniedPath = "/connexion";
                o.Cookie.Name = "partage";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;   // Secure over HTTPS, the forwarded scheme included when trusted
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            }));
        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        foreach (var (name, roles) in RolePolicies)
        {
            authorization.AddPolicy(name, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(roles));
        }

        // Keys in the database: every app node and the command-line verbs share them, so a token
        // printed by `partage users token` is accepted by the web server.
        services.AddDataProtection().PersistKeysToDbContext<PartageDbContext>().SetApplicationName("Partage");
        services.AddHttpContextAccessor();
        services.AddScoped<ActorAccessor>();
        services.AddScoped<TokenIssuer>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<SignInFailures>();
        services.AddAccounts();
        // A session is checked against its account's security stamp on every request, like a token: a password change
        // or a sign-out everywhere ends the other sessions at their next page, not half an hour later (Identity's default).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddPartageRateLimits(options);
        return services;
    }

    /// <summary>The account's own doors: refresh, password reset and change, sign-out everywhere, the export of one's data.</summary>
    public static void MapAccountEndpoints(RouteGroupBuilder anonymousApi, RouteGroupBuilder api)
    {
        Accounts.RefreshAccessToken.Map(anonymousApi);
        Accounts.RequestPasswordReset.Map(anonymousApi);
        Accounts.ResetPassword.Map(anonymousApi);
        Accounts.ChangePassword.Map(api);
        Accounts.SignOutEverywhere.Map(api);
        Accounts.ExportPersonalData.Map(api);
    }

    /// <summary>
    /// Identity: French messages, lockout, and the second factor's parts — TOTP codes by Otp.NET, recovery codes stored
    /// hashed, and the staff's « second factor to set up » claim.
    /// </summary>
    private static void AddPartageIdentity(IServiceCollection services, SecurityOptions options) =>
        services.AddIdentityCore<PartageUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = options.AccountLockoutMaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<PartageRole>()
            .AddEntityFrameworkStores<PartageDbContext>()
            .AddUserStore<TwoFactor.TwoFactorSecretsStore>()
            .AddClaimsPrincipalFactory<TwoFactor.PartageClaimsPrincipalFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TwoFactor.TotpTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();
}

/// <summary>The account's own use cases: its links by e-mail, the refresh, the password reset and change, the sign-out everywhere.</summary>
internal static class AccountServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.AddScoped<AccountLinks>()
            .AddScoped<Accounts.RefreshAccessToken>()
            .AddScoped<Accounts.RequestPasswordReset>().AddScoped<Accounts.ResetPassword>().AddScoped<Accounts.ChangePassword>().AddScoped<Accounts.SignOutEverywhere>()
            .AddScoped<Accounts.TwoFactorSetup>().AddScoped<Accounts.ExportPersonalData>();
}

/// <summary>Issues bearer tokens for the API, for a signed-in user or for a script on the server.</summary>
public sealed class TokenIssuer(
    UserManager<PartageUser> users,
    IUserClaimsPrincipalFactory<PartageUser> principals,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    TimeProvider clock)
{
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new DomainException(new ErrorCode("users.not_found", $"Aucun compte pour {email}.", ErrorKind.NotFound));
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var principal = await principals.CreateAsync(user);
        var expiresAt = clock.GetUtcNow() + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expiresAt }, $"{IdentityConstants.BearerScheme}:AccessToken");
        return (options.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
