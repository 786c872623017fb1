using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MimeKit;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Infrastructure.Sms;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Mail;

/// <summary>
/// An e-mail — or a text message — written in the same unit of work as what it announces, sent afterwards (nothing is lost
/// if the mail server or the SMS provider is down).
/// </summary>
public sealed class OutboxMessage
{
    public const string Email = "email";
    public const string Sms = "sms";

    public Guid Id { get; init; }

    /// <summary><see cref="Email"/>, or <see cref="Sms"/> (then <see cref="To"/> is a number in E.164 form and <see cref="Body"/> the text).</summary>
    public string Channel { get; init; } = Email;

    public string To { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    /// <summary>Where the recipient's answer goes when it is not the platform's no-reply address (a member's, for their client).</summary>
    public string? ReplyTo { get; init; }

    public string Body { get; init; } = string.Empty;

    public string? AttachmentName { get; init; }

    public byte[]? Attachment { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Not before this instant: the next try after a failure, later and later (backoff).</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The sending run that holds the message; another server leaves it alone until <see cref="ClaimedUntil"/>.</summary>
    public Guid? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }
}

/// <summary>Mail settings (section "Mail"): an SMTP server, or in development a pickup folder of .eml files.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = string.Empty;

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Where messages go when no SMTP host is set (default: data/mail-pickup beside the database).</summary>
    public string PickupDirectory { get; set; } = Path.Combine("data", "mail-pickup");
}

public sealed class Outbox(PartageDbContext db, TimeProvider clock)
{
    /// <summary>Adds the message to the caller's unit of work: it is saved, and later sent, only if the caller's changes are.</summary>
    public void Enqueue(string to, string subject, string body, string? attachmentName = null, byte[]? attachment = null, string? replyTo = null) =>
        db.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(), To = to, Subject = subject, Body = body, AttachmentName = attachmentName, Attachment = attachment, CreatedAt = clock.GetUtcNow().UtcDateTime,
            ReplyTo = replyTo,
        });

    /// <summary>Adds a text message to a mobile number (E.164) to the caller's unit of work, sent as the e-mails are.</summary>
    public void EnqueueSms(string to, string text) =>
        db.Add(new OutboxMessage { Id = Guid.CreateVersion7(), Channel = OutboxMessage.Sms, To = to, Body = text, CreatedAt = clock.GetUtcNow().UtcDateTime });

    /// <summary>Deletes the messages kept for an address (or a number) whose owner's data is erased (their bodies name the person).</summary>
    public Task<int> ForgetAsync(string to, CancellationToken ct = default) =>
        db.Set<OutboxMessage>().Where(m => m.To == to).ExecuteDeleteAsync(ct);
}

/// <summary>
/// Sends what the outbox holds: through MailKit to the configured SMTP server, or as .eml files in
/// the pickup folder. Safe with several servers on one database: a run first claims the messages
/// it will send (a conditional update that only one run can win, on SQLite and PostgreSQL alike),
/// records each send as soon as it is done, and retries a failure later and later; a claim left by
/// a crashed server expires after <see cref="ClaimFor"/>. A message is sent twice only if a server
/// dies between the SMTP server's acceptance and the next write, the unavoidable window of any outbox.
/// </summary>
public sealed class OutboxSender(
    PartageDbContext db, Microsoft.Extensions.Options.IOptions<MailOptions> options, ISmsGateway sms, TimeProvider clock, ILogger<OutboxSender> log)
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public async Task<int> SendPendingAsync(CancellationToken ct = default)
    {
        var run = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(100).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        // The claim re-checks the conditions row by row: of two servers, one wins each message.
        await db.Set<OutboxMessage>()
            .Where(m => candidates.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, run).SetProperty(m => m.ClaimedUntil, now + ClaimFor), ct);
        var claimed = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ClaimedBy == run).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var sent = 0;
        foreach (var message in claimed)
        {
            try
            {
                await (message.Channel == OutboxMessage.Sms ? sms.SendAsync(message.To, message.Body, ct) : SendAsync(message.Id, Mime(message), ct));
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.ClaimedBy == run)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                sent++;
            }
            catch (ParseException e)
            {
                // A malformed address never gets better: given up at once, shown to staff by its error.
                await FailAsync(message, run, e, MaxAttempts);
            }
            catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or AuthenticationException or System.Net.Sockets.SocketException
                or ServiceNotConnectedException or ServiceNotAuthenticatedException or TimeoutException or UnauthorizedAccessException
                or SmsNotSentException or HttpRequestException or TaskCanceledException)
            {
                await FailAsync(message, run, e, message.Attempts + 1);
            }
        }

        return sent;
    }

    /// <summary>The wait before the next try: 1, 2, 4 … minutes, at most 6 hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task FailAsync(OutboxMessage message, Guid run, Exception error, int attempts)
    {
        log.LogWarning(error, "Sending {Channel} {Id} failed (attempt {Attempts})", message.Channel, message.Id, attempts);
        var text = error.Message.Length > 500 ? error.Message[..500] : error.Message;
        var next = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
        await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.ClaimedBy == run).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, text).SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
    }

    private MimeMessage Mime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.ReplyTo is { } replyTo)
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        mime.Subject = message.Subject;
        mime.MessageId = $"{message.Id}@partage";
        var body = new BodyBuilder { TextBody = message.Body };
        if (message.Attachment is { } bytes && message.AttachmentName is { } name)
        {
            body.Attachments.Add(name, bytes);
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private async Task SendAsync(Guid id, MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            Directory.CreateDirectory(o.PickupDirectory);
            await message.WriteToAsync(Path.Combine(o.PickupDirectory, $"{id}.eml"), ct);
            return;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await smtp.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? string.Empty, ct);
        }

        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// The outbox as a scheduled job (every 10 seconds by default). A failing SMTP server only makes
/// messages wait (backoff, recorded per message); whatever else a round meets is recorded as a
/// failed run by the scheduler and never stops the web host.
/// </summary>
public sealed class OutboxWork(OutboxSender sender) : IScheduledWork
{
    public const string Key = "outbox";

    public async Task<string?> RunAsync(CancellationToken ct) =>
        await sender.SendPendingAsync(ct) is var sent and > 0 ? $"{sent} message(s) envoyé(s)." : null;
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Channel).HasMaxLength(5).HasDefaultValue(OutboxMessage.Email);
        builder.Property(m => m.To).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.ReplyTo).HasMaxLength(254);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => new { m.SentAt, m.CreatedAt });
        builder.HasIndex(m => m.ClaimedBy);
    }
}

public static class MailSetup
{
    /// <summary>The outbox, its mail settings, and the SMS gateway it also sends through.</summary>
    public static IServiceCollection AddPartageMail(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<MailOptions>(configuration.GetSection("Mail")).AddPartageSms(configuration)
            .AddScoped<Outbox>()
            .AddScoped<OutboxSender>()
            .AddScheduledWork<OutboxWork>(OutboxWork.Key, "Envoi des e-mails en attente", "0/10 * * * * ?", recordsIdleRuns: false);
}
