using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Mail;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Safety;

/// <summary>
/// The outbox with two servers on one database and a failing mail server: each message is
/// claimed by one sending run and sent once; a failure is recorded, retried later with backoff,
/// and never thrown at the host. On SQLite and PostgreSQL; each class its own factory, since the
/// mail settings are changed.
/// </summary>
public abstract class OutboxTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private Task EnqueueAsync(int count, string prefix) => factory.InScopeAsync(async s =>
    {
        var outbox = s.GetRequiredService<Outbox>();
        for (var i = 0; i < count; i++)
        {
            outbox.Enqueue($"client{i}@exemple.fr", $"{prefix} {i}", "Bonjour");
        }

        return await s.GetRequiredService<PartageDbContext>().SaveChangesAsync();
    });

    [Fact]
    public async Task TwoServersSendingAtOnce_EachMessageSentOnce_ThenAFailingServerIsRetriedLater()
    {
        var options = await factory.InScopeAsync(s => Task.FromResult(s.GetRequiredService<IOptions<MailOptions>>().Value));
        options.PickupDirectory = Directory.CreateTempSubdirectory("partage-outbox-").FullName;
        await EnqueueAsync(60, "Deux serveurs");

        // Two "servers": two sending runs, each with its own unit of work, at the same time.
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => factory.InScopeAsync(s => s.GetRequiredService<OutboxSender>().SendPendingAsync()))));

        Assert.Equal(60, runs.Sum());   // 60 sends in all: none twice
        Assert.Equal(60, Directory.GetFiles(options.PickupDirectory, "*.eml").Length);
        Assert.Equal(0, await factory.InScopeAsync(s => s.GetRequiredService<OutboxSender>().SendPendingAsync()));

        // The mail server refuses connections: recorded on the message, retried only after the backoff.
        options.SmtpHost = "127.0.0.1";
        options.SmtpPort = 9;   // discard: nothing listens here
        await EnqueueAsync(1, "Serveur en panne");
        Assert.Equal(0, await factory.InScopeAsync(s => s.GetRequiredService<OutboxSender>().SendPendingAsync()));
        var failed = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Subject == "Serveur en panne 0"));
        Assert.Equal((1, (DateTime?)null), (failed.Attempts, failed.SentAt));
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime + OutboxSender.Backoff(1), failed.NextAttemptAt);
        Assert.Equal(0, await factory.InScopeAsync(s => s.GetRequiredService<OutboxSender>().SendPendingAsync()));
        Assert.Equal(1, (await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == failed.Id))).Attempts);

        // The server is back and the backoff has passed: sent.
        options.SmtpHost = null;
        factory.Clock.Advance(OutboxSender.Backoff(1));
        Assert.Equal(1, await factory.InScopeAsync(s => s.GetRequiredService<OutboxSender>().SendPendingAsync()));
    }
}

public sealed class SqliteOutboxTests(PartageFactory factory) : OutboxTests<PartageFactory>(factory);

public sealed class PostgresOutboxTests(PostgresFactory factory) : OutboxTests<PostgresFactory>(factory);
