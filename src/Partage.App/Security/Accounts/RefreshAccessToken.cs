using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Database;
using Partage.App.Modules.Audit;
using Partage.Persistence;

namespace Partage.App.Security.Accounts;

public sealed record RefreshInput(string? RefreshToken);

/// <summary>A refresh token already exchanged (its SHA-256), kept until it would have expired: a second use is a copy in someone else's hands.</summary>
public sealed class SpentRefreshToken
{
    public string Hash { get; init; } = string.Empty;

    public Guid UserId { get; init; }

    public DateTime SpentAt { get; init; }

    public DateTime ExpiresAt { get; init; }
}

internal sealed class SpentRefreshTokenConfiguration : IEntityTypeConfiguration<SpentRefreshToken>
{
    public void Configure(EntityTypeBuilder<SpentRefreshToken> builder)
    {
        builder.ToTable("spent_refresh_tokens");
        builder.HasKey(t => t.Hash);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasIndex(t => t.ExpiresAt);
    }
}

/// <summary>
/// Exchanges a refresh token for a new access token and a new refresh token (rotation). Each refresh token serves once:
/// its hash is recorded in the same write that allows the exchange, and the primary key lets only one of two concurrent
/// uses through. A second use means two parties hold it — the account's security stamp is renewed, ending every token
/// and session of the account, the thief's and the owner's alike, and the event is audited. A refresh token also dies
/// with the stamp (password change, sign-out everywhere) and while the account is locked.
/// </summary>
public sealed class RefreshAccessToken(SignInManager<PartageUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, PartageDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(RefreshInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var token = input.RefreshToken?.Trim();
        var ticket = string.IsNullOrEmpty(token) || token.Length > 8_000 ? null : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(token);
        var now = clock.GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expiresAt || expiresAt <= now || ticket.Principal is null)
        {
            return Refused("auth.refresh_refused");
        }

        var user = await signIn.ValidateSecurityStampAsync(ticket.Principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return Refused("auth.refresh_refused");
        }

        await db.Set<SpentRefreshToken>().Where(t => t.ExpiresAt < now.UtcDateTime).ExecuteDeleteAsync(ct);   // past their life, a copy is worthless anyway
        db.Add(new SpentRefreshToken
        {
            Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token!))), UserId = user.Id, SpentAt = now.UtcDateTime, ExpiresAt = expiresAt.UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var account = await signIn.UserManager.FindByIdAsync(user.Id.ToString()) ?? user;   // tracked afresh: the clear let the first copy go
            audit.Record(AccountActor.Of(account), "accounts.refresh_token_reused", "account", account.Id.ToString(), null, null);
            await signIn.UserManager.UpdateSecurityStampAsync(account);   // saves the audit row with it
            return Refused("auth.refresh_reused");
        }

        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static IResult Refused(string code) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: code == "auth.refresh_reused"
            ? "Ce jeton de renouvellement a déjà servi : par sécurité, toutes les connexions du compte sont fermées. Reconnectez-vous."
            : "Jeton de renouvellement invalide, expiré ou révoqué : reconnectez-vous (POST /api/v1/auth/token).",
        extensions: new Dictionary<string, object?> { ["code"] = code });

    public static void Map(RouteGroupBuilder anonymousApi) =>
        anonymousApi.MapPost("/auth/refresh", (RefreshInput input, RefreshAccessToken handler, CancellationToken ct) => handler.HandleAsync(input, ct))
            .WithTags("Authentification").WithName("RefreshAccessToken")
            .WithSummary("Échange le jeton de renouvellement contre un nouveau jeton d'accès et un nouveau jeton de renouvellement (chacun ne sert qu'une fois)")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
}
