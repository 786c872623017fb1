using Microsoft.AspNetCore.Identity;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Mail;
using Partage.App.Infrastructure.Sms;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>Where the code went (the address half hidden; the mobile number too when an SMS also left) and until when it is worth.</summary>
public sealed record SignatureCodeSent(Guid CodeId, string SentTo, DateTime ExpiresAt, string? SmsTo = null);

/// <summary>
/// « Recevoir un code » : the person about to sign a contract gets a one-time code by e-mail — the member at the address
/// of her record (her account's), the countersigner (the office's manager or payroll staff) at their account's address.
/// Typing it back with their name is their signature (<see cref="SignContract"/>, <see cref="CountersignContract"/>). When
/// an SMS provider is configured the same code also goes by SMS to the person's mobile (the member's record, the
/// countersigner's account), through the outbox with the e-mail.
/// </summary>
public sealed class SendSignatureCode(
    PartageDbContext db, GetJob views, IMembersApi members, UserManager<PartageUser> users, SignatureCodes codes, Outbox outbox,
    Microsoft.Extensions.Options.IOptions<SmsOptions> sms, IAuditLog audit)
{
    public async Task<SignatureCodeSent> HandleAsync(JobId id, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var job = await views.LoadAsync(id, actor, ct);
        var (signer, address, phone) = actor.MemberId == job.MemberId && job.Status == JobStatus.Declared
            ? await members.EmployeeAsync(job.MemberId, ct) is { } employee ? (Signer.Member, employee.Email, employee.Phone) : (Signer.Member, null, null)
            : JobsAccess.CanCountersign(actor, job) && job.Status == JobStatus.Signed
                ? actor.UserId is { } user && await users.FindByIdAsync(user.ToString()) is { } account ? (Signer.Cooperative, account.Email, account.PhoneNumber) : (Signer.Cooperative, null, null)
                : throw new DomainException(PayrollErrors.WrongJobStatus, "Ce contrat n'attend pas votre signature.");
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new DomainException(PayrollErrors.SignerWithoutAddress);
        }

        var (code, clear) = await codes.IssueAsync(job.Id, signer, actor.UserId, address, ct);
        outbox.Enqueue(address, $"Partage : code pour signer le contrat {job.Number}",
            $"Bonjour,\n\nVotre code pour {(signer == Signer.Member ? "signer" : "contre-signer")} le contrat {job.Number} ({job.Description}, du {job.Start:dd/MM/yyyy} au {job.End:dd/MM/yyyy}) :\n\n"
            + $"    {clear}\n\nIl vaut {SignatureCodes.Validity.TotalMinutes:0} minutes et une seule fois. Ne le communiquez à personne : le taper avec votre nom vaut signature.\n"
            + "Si vous n'avez rien demandé, ignorez ce message.\n\nPartage");
        var mobile = sms.Value.IsConfigured ? MobileNumbers.ToE164(phone) : null;
        if (mobile is not null)
        {
            outbox.EnqueueSms(mobile, $"Partage : {clear} est votre code pour {(signer == Signer.Member ? "signer" : "contre-signer")} le contrat {job.Number}. "
                + $"Valable {SignatureCodes.Validity.TotalMinutes:0} min, une fois. Ne le donnez à personne.");
        }

        audit.Record(actor, "payroll.signature_code_sent", "job", job.Id.ToString(), null, new { job.Number, Signer = signer.ToString(), CodeId = code.Id, Sms = mobile is not null });
        await db.SaveChangesAsync(ct);
        return new SignatureCodeSent(code.Id, Masked(address), code.ExpiresAt, mobile is null ? null : MobileNumbers.Masked(mobile));
    }

    /// <summary>« j•••@exemple.fr »: enough for the person to recognise their address.</summary>
    public static string Masked(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? address : address[0] + "•••" + address[at..];
    }

    public static void Map(RouteGroupBuilder jobs)
    {
        jobs.MapPost("/{id:guid}/send-signature-code", async (Guid id, SendSignatureCode handler, ActorAccessor actors, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await handler.HandleAsync(JobId.From(id), await actors.GetAsync(ct), ct)))
            .WithName("SendSignatureCode").WithSummary("Envoie par e-mail (et par SMS si un fournisseur est configuré) le code à usage unique qui permet de signer (membre) ou contre-signer (coopérative) le contrat").ProducesProblems();
    }
}
