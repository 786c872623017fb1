using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Sms;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Payroll;

/// <summary>Brevo's transactional SMS API as the tests see it: every request kept, the answers scripted (201 unless told otherwise).</summary>
public sealed class BrevoRecorder : HttpMessageHandler
{
    public ConcurrentQueue<(Uri Url, string? Key, JsonElement Body)> Requests { get; } = new();

    public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        Requests.Enqueue((request.RequestUri!, request.Headers.TryGetValues("api-key", out var keys) ? keys.Single() : null, body));
        var status = Answers.TryDequeue(out var scripted) ? scripted : HttpStatusCode.Created;
        return new HttpResponseMessage(status) { Content = new StringContent(status == HttpStatusCode.Created ? """{"messageId":1511882900176220}""" : """{"code":"not_enough_credits"}""") };
    }
}

/// <summary>A test server with Brevo configured as the SMS provider, its calls going to <see cref="Brevo"/>.</summary>
public sealed class SmsFactory : PartageFactory
{
    public BrevoRecorder Brevo { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sms:Provider", "Brevo");
        builder.UseSetting("Sms:ApiKey", "cle-de-test");
        builder.UseSetting("Sms:ApiUrl", "https://api.brevo.test/v3/transactionalSMS/send");
        builder.ConfigureServices(services => services.AddHttpClient<ISmsGateway, BrevoSms>().ConfigurePrimaryHttpMessageHandler(() => Brevo));
    }
}

/// <summary>Mobile numbers are read with libphonenumber: a French mobile in any spelling, never a landline.</summary>
public class MobileNumberTests
{
    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("+33 7 81 23 45 67", "+33781234567")]
    [InlineData("0033612345678", "+33612345678")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("03 20 12 34 56", null)]
    [InlineData("06 12", null)]
    [InlineData("pas un numéro", null)]
    [InlineData(null, null)]
    public void AMobile_InE164_OrNothing(string? phone, string? expected) => Assert.Equal(expected, MobileNumbers.ToE164(phone));
}

/// <summary>
/// The signature code also goes by SMS to the member's mobile when a provider is configured, through the outbox: the
/// request is Brevo's, the code is the e-mail's and signs; a refusal by the provider is retried later, nothing lost.
/// </summary>
public sealed class SmsSignatureTests(SmsFactory factory) : IClassFixture<SmsFactory>
{
    [Fact]
    public async Task TheCode_ReachesTheMembersMobile_AndSigns()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 200_000);
        var admin = await factory.ActorAsync(World.Admin);
        await factory.InScopeAsync(s => s.GetRequiredService<UpdateMember>().HandleAsync(world.LilleMember, new UpdateMemberInput { Phone = "06 12 34 56 78" }, admin));
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var job = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()), member);

        factory.Brevo.Answers.Enqueue(HttpStatusCode.PaymentRequired);   // the account has no credit left: the first try fails
        var sent = await factory.InScopeAsync(s => s.GetRequiredService<SendSignatureCode>().HandleAsync(job.Id, member));
        Assert.Equal("+336 •• •• •• 78", sent.SmsTo);
        await factory.InScopeAsync(s => s.GetRequiredService<OutboxSender>().SendPendingAsync());
        var waiting = await SmsAsync();
        Assert.Equal((1, (DateTime?)null), (waiting.Attempts, waiting.SentAt));
        Assert.Contains("402", waiting.LastError, StringComparison.Ordinal);

        factory.Clock.Advance(OutboxSender.Backoff(1) + TimeSpan.FromSeconds(1));
        await factory.InScopeAsync(s => s.GetRequiredService<OutboxSender>().SendPendingAsync());
        Assert.NotNull((await SmsAsync()).SentAt);
        var requests = factory.Brevo.Requests.ToList();
        Assert.Equal(2, requests.Count);
        var (url, key, body) = requests[^1];
        Assert.Equal(("https://api.brevo.test/v3/transactionalSMS/send", "cle-de-test", "Partage", "33612345678", "transactional"),
            (url.ToString(), key, body.GetProperty("sender").GetString(), body.GetProperty("recipient").GetString(), body.GetProperty("type").GetString()));
        var code = Regex.Match(body.GetProperty("content").GetString()!, @"\b(\d{6})\b").Groups[1].Value;
        Assert.Equal(await Hiring.CodeAsync(factory, job), code);   // the same code as the e-mail's

        var signed = await factory.InScopeAsync(s => s.GetRequiredService<SignContract>()
            .HandleAsync(job.Id, new SignatureInput(job.MemberName, code), "192.0.2.30", member));
        Assert.Equal(App.Modules.Payroll.JobStatus.Signed, signed.Status);

        // A landline gets no SMS: the e-mail alone carries the code.
        await factory.InScopeAsync(s => s.GetRequiredService<UpdateMember>().HandleAsync(world.LilleMember, new UpdateMemberInput { Phone = "03 20 12 34 56" }, admin));
        var other = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()), member);
        Assert.Null((await factory.InScopeAsync(s => s.GetRequiredService<SendSignatureCode>().HandleAsync(other.Id, member))).SmsTo);
    }

    private Task<OutboxMessage> SmsAsync() => factory.InScopeAsync(s =>
        s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.Channel == OutboxMessage.Sms).OrderByDescending(m => m.CreatedAt).FirstAsync());
}
