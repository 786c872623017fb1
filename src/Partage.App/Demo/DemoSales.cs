using Bogus;
using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Clients.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Demo;

/// <summary>
/// Demo clients of every kind and invoices through the invoicing services (so each has its
/// number, Factur-X document and ledger entries): some paid, one partly, one cancelled by a credit note.
/// </summary>
public sealed class DemoSales(
    PartageDbContext db, CreateClient createClient, Drafts drafts, Issuing issuing, Payments payments, Quotes quotes, BankStatements bank,
    Microsoft.Extensions.Options.IOptions<InvoicingOptions> options, TimeProvider clock)
{
    public const int Invoices = 12;

    public async Task SeedAsync(Faker faker, CancellationToken ct = default)
    {
        if (await db.Set<Client>().AnyAsync(ct))
        {
            return;
        }

        var clients = new List<ClientView>();
        foreach (var input in Clients(faker))
        {
            clients.Add(await createClient.HandleAsync(input, Actor.System, ct));
        }

        // The demo member's activities first, so that membre@partage.test sees invoices.
        var activities = await db.Set<Activity>().AsNoTracking().Where(a => a.Status == ActivityStatus.Active)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => a.Id).Take(Invoices).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var unpaid = new List<InvoiceView>();
        for (var i = 0; i < Math.Min(Invoices, activities.Count); i++)
        {
            var client = clients[i % clients.Count];
            var lines = new List<InvoiceLineInput>
            {
                new(faker.PickRandom("Concert", "Création lumière", "Atelier d'écriture", "Montage vidéo", "Formation", "Captation"), "1", "C62",
                    faker.Random.Int(300, 2_400).ToString(System.Globalization.CultureInfo.InvariantCulture), "FR_20"),
                new("Déplacement et régie", faker.Random.Int(1, 8).ToString(System.Globalization.CultureInfo.InvariantCulture), "HUR", "45.50", "FR_20"),
            };
            var draft = await drafts.CreateAsync(new DraftInput(activities[i].ToString(), client.Id.ToString(), today.AddDays(-faker.Random.Int(3, 20)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, null, null, 30, lines), Actor.System, ct);
            if (i == Invoices - 1)
            {
                continue;   // one draft left to issue
            }

            var issued = await issuing.IssueAsync(draft.Id, Actor.System, ct);
            if (i % 3 == 0)
            {
                await payments.RecordAsync(issued.Id, new PaymentInput(issued.Totals.Gross.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "VIR " + issued.PaymentReference), Actor.System, ct);
            }
            else if (i % 3 == 1)
            {
                await payments.RecordAsync(issued.Id, new PaymentInput("100", null, "Acompte"), Actor.System, ct);
            }
            else if (i == 2)
            {
                await issuing.CreditAsync(issued.Id, "Prestation annulée par le client", Actor.System, ct);
            }
            else
            {
                unpaid.Add(issued);
            }
        }

        // A quote sent and accepted, another waiting for its answer.
        for (var q = 0; q < 2 && q < activities.Count; q++)
        {
            var quote = await quotes.CreateAsync(new QuoteInput(new DraftInput(activities[q].ToString(), clients[q].Id.ToString(), today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, null, null, null,
                [new InvoiceLineInput("Concert et régie", "1", "C62", "1800", "FR_2_1")]), today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), Actor.System, ct);
            var link = await quotes.SendAsync(quote.Id, Actor.System, ct);
            if (q == 0)
            {
                await quotes.RespondAsync(link[(link.LastIndexOf('/') + 1)..], accept: true, clients[q].Contacts.FirstOrDefault()?.Name ?? "Client", "192.0.2.10", ct);
            }
        }

        // This morning's bank statement: two invoices paid by their RF reference, one transfer nobody recognises.
        var entity = unpaid.FirstOrDefault()?.EntityCode;
        var credits = unpaid.Where(u => u.EntityCode == entity).Take(2).Select((inv, n) =>
                $"<Ntry><Amt Ccy=\"EUR\">{inv.Remaining.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>{today:yyyy-MM-dd}</Dt></BookgDt><AcctSvcrRef>DEMO-{n + 1}</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy=\"EUR\">{inv.Remaining.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}</Amt><RltdPties><Dbtr><Pty><Nm>{inv.ClientName}</Nm></Pty></Dbtr></RltdPties><RmtInf><Strd><CdtrRefInf><Ref>{inv.PaymentReference}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>")
            .Append($"<Ntry><Amt Ccy=\"EUR\">250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>{today:yyyy-MM-dd}</Dt></BookgDt><AcctSvcrRef>DEMO-9</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy=\"EUR\">250.00</Amt><RltdPties><Dbtr><Pty><Nm>M. DUPONT</Nm></Pty></Dbtr></RltdPties><RmtInf><Ustrd>VIR SEPA SOLDE</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>");
        var statement = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>DEMO</MsgId><CreDtTm>{today:yyyy-MM-dd}T06:00:00</CreDtTm></GrpHdr><Stmt><Id>DEMO-{today:yyyyMMdd}</Id><CreDtTm>{today:yyyy-MM-dd}T06:00:00</CreDtTm><Acct><Id><IBAN>{options.Value.Iban}</IBAN></Id></Acct>{string.Concat(credits)}</Stmt></BkToCstmrStmt></Document>";
        if (entity is not null)
        {
            await bank.ImportAsync(entity, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(statement)), Actor.System, ct);
        }
    }

    private static IEnumerable<ClientInput> Clients(Faker faker)
    {
        string Siren()
        {
            while (true)
            {
                var candidate = faker.Random.ReplaceNumbers("#########");
                if (Kernel.Siren.TryParse(candidate, out _, out _))
                {
                    return candidate;
                }
            }
        }

        ClientInput French(string name, string kind, string legalForm, string city, string postalCode)
        {
            var siren = Siren();
            return new ClientInput(kind, name, legalForm, "FR", siren, null, Kernel.Siren.Parse(siren).VatNumber, faker.Address.StreetAddress(), null, postalCode, city, null,
                $"compta@{faker.Internet.DomainWord()}.fr", [new ClientContactInput(faker.Name.FullName(), "Administration", null, null)]);
        }

        yield return French("Théâtre du Nord", "Association", "Association loi 1901", "Lille", "59000");
        yield return French("Compagnie des Ondes", "Company", "SAS", "Lyon", "69002");
        yield return French("Studio Lumière Production", "Company", "SARL", "Nantes", "44000");
        yield return French("Ville de Roubaix", "PublicBody", "Collectivité territoriale", "Roubaix", "59100");
        yield return new ClientInput("Company", "Kulturhaus Köln GmbH", "GmbH", "DE", null, null, "DE" + faker.Random.ReplaceNumbers("#########"), "Domstraße 1", null, "50668", "Köln", null, "buchhaltung@kulturhaus.de", []);
        yield return new ClientInput("Company", "Festival de Genève SA", "SA", "CH", null, null, null, "Rue du Rhône 10", null, "1204", "Genève", null, "compta@festival-geneve.ch", []);
        yield return new ClientInput("Person", "Camille Martin", null, "FR", null, null, null, faker.Address.StreetAddress(), null, "59800", "Lille", null, "camille.martin@exemple.fr", []);
    }
}
