using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Mail;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>
/// Signatures bound to a person: the civil name typed and a one-time code sent to the signer's address — ten minutes,
/// five tries, once; the countersigner's likewise, with their own code. On both databases.
/// </summary>
public abstract class SignatureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private async Task<(JobView Job, Actor Member)> DeclaredAsync()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 200_000);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        return (await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()), member), member);
    }

    private Task<JobView> SignAsync(JobView job, Actor member, string? name, string? code) =>
        factory.InScopeAsync(s => s.GetRequiredService<SignContract>().HandleAsync(job.Id, new SignatureInput(name, code), "192.0.2.9", member));

    private static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Member_SignsWithHerCivilNameAndTheEmailedCode_OnlyOnce()
    {
        var (job, member) = await DeclaredAsync();
        var sent = await factory.InScopeAsync(s => s.GetRequiredService<SendSignatureCode>().HandleAsync(job.Id, member));
        Assert.Equal("m•••@partage.test", sent.SentTo);
        var mail = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Subject.EndsWith(job.Number)).OrderByDescending(m => m.CreatedAt).FirstAsync());
        Assert.Equal(World.LilleMemberEmail, mail.To);
        var code = await Hiring.CodeAsync(factory, job);

        var mickey = await Assert.ThrowsAsync<InputValidationException>(() => SignAsync(job, member, "Mickey Mouse", code));
        Assert.Contains(job.MemberName, mickey.Errors["Name"][0], StringComparison.Ordinal);
        var reversed = string.Join(' ', job.MemberName.Split(' ').Reverse()).ToUpperInvariant();   // « MARTIN LÉA » is her name too
        var signed = await SignAsync(job, member, reversed, code);
        Assert.Equal(JobStatus.Signed, signed.Status);
        Assert.Equal(sent.CodeId, signed.Evidence!.MemberCodeId);
        Assert.Matches("^[0-9a-f]{64}$", signed.Evidence.SignedTermsSha256);
        Assert.Equal("192.0.2.9", signed.Evidence.MemberIp);

        var again = await Assert.ThrowsAsync<DomainException>(() => SignAsync(job, member, reversed, code));   // a double click
        Assert.Equal(PayrollErrors.WrongJobStatus, again.Error);
    }

    [Fact]
    public async Task WrongCodes_CountFiveTries_ThenTheCodeIsDead_AndACodeLastsTenMinutes()
    {
        var (job, member) = await DeclaredAsync();
        await factory.InScopeAsync(s => s.GetRequiredService<SendSignatureCode>().HandleAsync(job.Id, member));
        var code = await Hiring.CodeAsync(factory, job);
        for (var i = 0; i < SignatureCodes.MaxAttempts; i++)
        {
            var wrong = await Assert.ThrowsAsync<InputValidationException>(() => SignAsync(job, member, job.MemberName, Other(code)));
            Assert.StartsWith("Ce code n'est pas le bon", wrong.Errors["Code"][0], StringComparison.Ordinal);
        }

        var dead = await Assert.ThrowsAsync<InputValidationException>(() => SignAsync(job, member, job.MemberName, code));
        Assert.StartsWith("Trop d'essais", dead.Errors["Code"][0], StringComparison.Ordinal);

        await factory.InScopeAsync(s => s.GetRequiredService<SendSignatureCode>().HandleAsync(job.Id, member));
        var fresh = await Hiring.CodeAsync(factory, job);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await Assert.ThrowsAsync<InputValidationException>(() => SignAsync(job, member, job.MemberName, fresh));
        Assert.StartsWith("Aucun code valable", expired.Errors["Code"][0], StringComparison.Ordinal);

        for (var i = 0; i < SignatureCodes.MaxPerHour - 2; i++)
        {
            await factory.InScopeAsync(s => s.GetRequiredService<SendSignatureCode>().HandleAsync(job.Id, member));
        }

        var flood = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SendSignatureCode>().HandleAsync(job.Id, member)));
        Assert.Equal(PayrollErrors.TooManySignatureCodes, flood.Error);
        Assert.Equal(JobStatus.Signed, (await SignAsync(job, member, job.MemberName, await Hiring.CodeAsync(factory, job))).Status);
    }

    [Fact]
    public async Task Countersignature_NeedsTheCountersignersOwnCodeAndName_NeverTheSystem()
    {
        var (job, member) = await DeclaredAsync();
        await Hiring.SignAsync(factory, job, member);
        var payroll = await factory.ActorAsync(World.Payroll);
        var manager = await factory.ActorAsync(World.LilleManager);
        var payrollSignature = await Hiring.CountersignatureAsync(factory, job, payroll);

        var managerName = await factory.InScopeAsync(async s => (await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PartageUser>>().FindByEmailAsync(World.LilleManager))!.DisplayName);
        var borrowed = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s =>
            s.GetRequiredService<CountersignContract>().HandleAsync(job.Id, payrollSignature with { Name = managerName }, null, manager)));   // the manager with the payroll account's code
        Assert.StartsWith("Aucun code valable", borrowed.Errors["Code"][0], StringComparison.Ordinal);
        var wrongName = await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s =>
            s.GetRequiredService<CountersignContract>().HandleAsync(job.Id, payrollSignature with { Name = managerName }, null, payroll)));
        Assert.Contains(payrollSignature.Name!, wrongName.Errors["Name"][0], StringComparison.Ordinal);
        var system = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s =>
            s.GetRequiredService<CountersignContract>().HandleAsync(job.Id, payrollSignature, null, Actor.System)));
        Assert.Equal(PayrollErrors.SignerWithoutAddress, system.Error);

        var countersigned = await factory.InScopeAsync(s => s.GetRequiredService<CountersignContract>().HandleAsync(job.Id, payrollSignature, "192.0.2.7", payroll));
        Assert.Equal(JobStatus.Countersigned, countersigned.Status);
        Assert.Equal((payrollSignature.Name, "192.0.2.7"), (countersigned.Evidence!.CountersignatureName, countersigned.Evidence.CountersignatureIp));
        Assert.NotEqual(countersigned.Evidence.MemberCodeId, countersigned.Evidence.CountersignatureCodeId);
    }
}

public sealed class SqliteSignatureTests(PartageFactory factory) : SignatureTests<PartageFactory>(factory);

public sealed class PostgresSignatureTests(PostgresFactory factory) : SignatureTests<PostgresFactory>(factory);
