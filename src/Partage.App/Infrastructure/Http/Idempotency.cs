using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Infrastructure.Database;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Http;

/// <summary>
/// One command request sent with an <c>Idempotency-Key</c> (IETF draft "The Idempotency-Key HTTP
/// Header Field"): who sent it, a fingerprint of what was asked, and the answer once given.
/// </summary>
public sealed class IdempotentRequest
{
    public string Owner { get; init; } = string.Empty;

    public string Key { get; init; } = string.Empty;

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused, never answered with the first result.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    public DateTime StartedAt { get; init; }

    public DateTime? CompletedAt { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("idempotent_requests");
        builder.HasKey(r => new { r.Owner, r.Key });
        builder.Property(r => r.Owner).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(Idempotency.MaxKeyLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(500);
    }
}

/// <summary>
/// Makes every API command safe to retry: a client that did not get the answer (timeout, lost
/// connection, double click) sends the same request with the same <c>Idempotency-Key</c> and gets
/// the first answer again, with <c>Idempotent-Replayed: true</c>; nothing is done twice. The key is
/// reserved before the command runs, so that two copies racing each other cannot both run: the
/// second is answered 409 while the first is under way. A command that fails (4xx refusal or
/// 500) wrote nothing, so its reservation is released and the key may be used again. A
/// reservation left by a crash is never re-run blindly: past <see cref="UnknownOutcomeAfter"/>
/// the client is told to check the document and use a new key.
/// </summary>
public sealed class Idempotency(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ILogger<Idempotency> logger)
{
    public const string Header = "Idempotency-Key";

    /// <summary>The hidden field every POST form of the UI carries (<see cref="IdempotencyFormTagHelper"/>): a double click on a form is a retry.</summary>
    public const string FormField = "__Idempotency";
    public const int MaxKeyLength = 200;
    public static readonly TimeSpan UnknownOutcomeAfter = TimeSpan.FromMinutes(10);

    private const int FormWaitRounds = 40;
    private static readonly TimeSpan FormWaitRound = TimeSpan.FromMilliseconds(250);

    /// <summary>Answers larger than this are not kept (they are documents to download, not command results).</summary>
    private const int MaxStoredBody = 1 << 20;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method) && !HttpMethods.IsPatch(context.Request.Method)
            && !HttpMethods.IsDelete(context.Request.Method))
        {
            await next(context);
            return;
        }

        var values = await KeyOfAsync(context);
        if (values.Count == 0)
        {
            await next(context);
            return;
        }

        var key = values.ToString().Trim();
        if (key.Length is 0 or > MaxKeyLength || values.Count > 1)
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "idempotency.invalid_key", $"La clé d'idempotence ({Header} ou champ {FormField}) est une seule valeur de 1 à {MaxKeyLength} caractères.");
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request, context.RequestAborted);
        var owner = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var first = await ReserveAsync(owner, key, fingerprint, context.RequestAborted);

        // A browser shows only the answer to the last click: a form's second copy waits for the
        // first (a few seconds at most) and shows its result instead of a refusal.
        for (var wait = 0; first is { CompletedAt: null } && first.Fingerprint == fingerprint && !PartageHost.IsApi(context) && wait < FormWaitRounds; wait++)
        {
            await Task.Delay(FormWaitRound, context.RequestAborted);
            first = await ReserveAsync(owner, key, fingerprint, context.RequestAborted);
        }

        if (first is not null)
        {
            await AnswerExistingAsync(context, first, fingerprint);
            return;
        }

        await RunOnceAsync(context, owner, key);
    }

    /// <summary>The request run for the first time, its answer captured and stored for a replay when it can be; the key released otherwise.</summary>
    private async Task RunOnceAsync(HttpContext context, string owner, string key)
    {
        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        var completed = false;
        try
        {
            await next(context);

            // Kept only what can be replayed as it was: no cookie (a sign-in or sign-out is simply done again), no large download.
            completed = context.Response.StatusCode < 400 && !context.Response.Headers.ContainsKey("Set-Cookie") && captured.Length <= MaxStoredBody;
        }
        finally
        {
            context.Response.Body = original;
            if (completed)
            {
                await CompleteAsync(owner, key, context.Response, captured);
            }
            else
            {
                await ReleaseAsync(owner, key);
            }

            captured.Position = 0;
            await captured.CopyToAsync(original, CancellationToken.None);
        }
    }

    /// <summary>
    /// The key of an API command (header), or of a signed-in person's form (hidden field). The
    /// body is buffered first so that the command still reads it.
    /// </summary>
    private static async Task<Microsoft.Extensions.Primitives.StringValues> KeyOfAsync(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(Header, out var header))
        {
            context.Request.EnableBuffering();
            return header;
        }

        if (PartageHost.IsApi(context) || context.User.Identity?.IsAuthenticated != true || !context.Request.HasFormContentType)
        {
            return default;
        }

        context.Request.EnableBuffering();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        return form.TryGetValue(FormField, out var field) ? field : default;
    }

    /// <summary>
    /// What makes two requests the same: method, path and body. A multipart body is taken by its fields and files, not its
    /// bytes: its boundary is drawn anew at each send, so a retry (a double click on an upload form) would not match.
    /// </summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{field.Key}={string.Join('\u001f', field.Value.ToArray())}\n"));
            }

            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.FileName, StringComparer.Ordinal))
            {
                await using var content = file.OpenReadStream();
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{file.Name};{file.FileName};{Convert.ToHexString(await SHA256.HashDataAsync(content, ct))}\n"));
            }

            request.Body.Position = 0;
            return Convert.ToHexString(hash.GetHashAndReset());
        }

        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Reserves the key, or returns the request that already holds it.</summary>
    private async Task<IdempotentRequest?> ReserveAsync(string owner, string key, string fingerprint, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartageDbContext>();
        db.Add(new IdempotentRequest { Owner = owner, Key = key, Fingerprint = fingerprint, StartedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await db.Set<IdempotentRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Owner == owner && r.Key == key, ct)
                ?? new IdempotentRequest { Owner = owner, Key = key, Fingerprint = fingerprint, StartedAt = clock.GetUtcNow().UtcDateTime };
        }
    }

    private async Task AnswerExistingAsync(HttpContext context, IdempotentRequest first, string fingerprint)
    {
        if (first.Fingerprint != fingerprint)
        {
            await ProblemAsync(context, StatusCodes.Status409Conflict, "idempotency.key_reused",
                "Cette clé d'idempotence a déjà servi pour une autre requête : envoyez une nouvelle clé pour une nouvelle opération.");
            return;
        }

        if (first.CompletedAt is null)
        {
            var unknown = clock.GetUtcNow().UtcDateTime - first.StartedAt > UnknownOutcomeAfter;
            context.Response.Headers.RetryAfter = "2";
            await ProblemAsync(context, StatusCodes.Status409Conflict, unknown ? "idempotency.unknown_outcome" : "idempotency.in_progress", unknown
                ? "Cette requête a été interrompue sans réponse : vérifiez l'état du document avant de recommencer avec une nouvelle clé."
                : "La même requête est déjà en cours de traitement : attendez sa réponse.");
            return;
        }

        context.Response.StatusCode = first.StatusCode!.Value;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (first.Location is not null)
        {
            context.Response.Headers.Location = first.Location;
        }

        if (first.ContentType is not null)
        {
            context.Response.ContentType = first.ContentType;
        }

        if (first.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private async Task CompleteAsync(string owner, string key, HttpResponse response, MemoryStream captured)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartageDbContext>();
        var body = captured.ToArray();
        var location = response.Headers.Location.ToString() is { Length: > 0 and <= 500 } l ? l : null;
        var contentType = response.ContentType;
        var status = response.StatusCode;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<IdempotentRequest>().Where(r => r.Owner == owner && r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CompletedAt, now)
            .SetProperty(r => r.StatusCode, status)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.Body, body));
    }

    private async Task ReleaseAsync(string owner, string key)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PartageDbContext>();
            await db.Set<IdempotentRequest>().Where(r => r.Owner == owner && r.Key == key && r.CompletedAt == null).ExecuteDeleteAsync();
        }
        catch (System.Data.Common.DbException e)
        {
            // The answer still goes out; the reservation stays and a retry is told to check the document.
            logger.LogError(e, "Could not release the idempotency key of a failed request");
        }
    }

    private static async Task ProblemAsync(HttpContext context, int status, string code, string title)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Extensions = { ["code"] = code } },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}

/// <summary>
/// Adds a fresh idempotency key to every POST form of the UI: the same rendered form sent twice
/// (double click, "resend" after a timeout) is done once and both submissions get the first answer.
/// </summary>
[Microsoft.AspNetCore.Razor.TagHelpers.HtmlTargetElement("form", Attributes = "method")]
public sealed class IdempotencyFormTagHelper : Microsoft.AspNetCore.Razor.TagHelpers.TagHelper
{
    public string? Method { get; set; }

    public override void Process(Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext context, Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("method", Method);
        if (string.Equals(Method, "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{Idempotency.FormField}\" value=\"{Guid.NewGuid():N}\" />");
        }
    }
}
