using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MimeKit;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Mail;

/// <summary>An e-mail written in the same unit of work as what it announces, sent afterwards (nothing is lost if the mail server is down).</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    public string To { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public string Body { get; init; } = string.Empty;

    public string? AttachmentName { get; init; }

    public byte[]? Attachment { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
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
    public void Enqueue(string to, string subject, string body, string? attachmentName = null, byte[]? attachment = null) =>
        db.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(), To = to, Subject = subject, Body = body, AttachmentName = attachmentName, Attachment = attachment, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
}

/// <summary>Sends what the outbox holds: through MailKit to the configured SMTP server, or as .eml files in the pickup folder.</summary>
public sealed class OutboxSender(PartageDbContext db, Microsoft.Extensions.Options.IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxSender> log)
{
    public async Task<int> SendPendingAsync(CancellationToken ct = default)
    {
        var pending = await db.Set<OutboxMessage>().Where(m => m.SentAt == null && m.Attempts < 10).OrderBy(m => m.CreatedAt).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var message in pending)
        {
            try
            {
                await SendAsync(message.Id, Mime(message), ct);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                sent++;
            }
            catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or AuthenticationException or System.Net.Sockets.SocketException)
            {
                message.Attempts++;
                message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                log.LogWarning(e, "Sending mail {Id} failed (attempt {Attempts})", message.Id, message.Attempts);
            }
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }

    private MimeMessage Mime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
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

/// <summary>Sends the outbox every few seconds in the web server.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendPendingAsync(stoppingToken);
            }
            catch (DbUpdateException e)
            {
                log.LogWarning(e, "The outbox could not be processed this time");
            }
        }
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => new { m.SentAt, m.CreatedAt });
    }
}

public static class MailSetup
{
    public static IServiceCollection AddPartageMail(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<MailOptions>(configuration.GetSection("Mail"))
            .AddScoped<Outbox>()
            .AddScoped<OutboxSender>()
            .AddHostedService<OutboxWorker>();
}
