using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Payroll;
using Partage.App.Security;

namespace Partage.App.Modules.Employers;

public sealed record LinkUserInput(string? Email);

public sealed record StatusInput(bool Active);

public static class EmployersModule
{
    public static IServiceCollection AddEmployers(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<EmployersOptions>(configuration.GetSection("Employers"))
            .AddScoped<IEmployersApi, EmployersApi>()
            .AddScoped<EmployerServices>()
            .AddScoped<IWageSource>(sp => sp.GetRequiredService<EmployerServices>())
            .AddScoped<IHiringSource>(sp => sp.GetRequiredService<EmployerServices>())
            .AddScoped<IReceivableSource>(sp => sp.GetRequiredService<EmployerServices>())
            .AddScoped<GetEmployer>()
            .AddScoped<SearchEmployers>()
            .AddScoped<EmployerRecord>()
            .AddScoped<CreateEmployer>()
            .AddScoped<UpdateEmployer>()
            .AddScoped<SetEmployerStatus>()
            .AddScoped<LinkEmployerUser>()
            .AddScoped<SignMandate>()
            .AddScoped<TerminateMandate>()
            .AddScoped<GetMandatePdf>()
            .AddScoped<StaffContractRecorder>()
            .AddScoped<SubmitStaffContract>()
            .AddScoped<ImportStaffContracts>()
            .AddScoped<ListStaffContracts>()
            .AddScoped<GetStaffContractPdf>()
            .AddScoped<StaffHires>()
            .AddScoped<EmployerAccounts>()
            .AddScoped<ComputeStaffPayslips>()
            .AddScoped<ValidateStaffPayslip>()
            .AddScoped<GetStaffPayslip>()
            .AddScoped<ListStaffPayslips>()
            .AddScoped<GetStaffPayslipPdf>()
            .AddScoped<StaffWages>()
            .AddScoped<GetStaffDsn>()
            .AddScoped<FileStaffDsn>()
            .AddScoped<StaffTaxRates>()
            .AddScoped<StaffBirthplaces>()
            .AddScoped<GetStaffCertificatePdf>()
            .AddScoped<EmployerInvoiceDocuments>()
            .AddScoped<IssueEmployerInvoice>()
            .AddScoped<GetEmployerInvoice>()
            .AddScoped<ListEmployerInvoices>()
            .AddScoped<GetEmployerInvoicePdf>()
            .AddScoped<EmployerReceivables>()
            .AddScoped<RecordEmployerPayment>()
            .AddScoped<CreditEmployerInvoice>()
            .AddScoped<GetEmployerExposure>()
            .AddScoped<ServiceReport>()
            .AddScoped<IContractManagementFigures>(sp => sp.GetRequiredService<ServiceReport>());

    /// <summary>Each use case maps its own endpoints; the groups give them their prefix and OpenAPI tag.</summary>
    public static void MapEmployersEndpoints(RouteGroupBuilder api)
    {
        var employers = api.MapGroup("/employers").WithTags("Gestion de contrats");
        var payslips = api.MapGroup("/employer-payslips").WithTags("Gestion de contrats");
        var invoices = api.MapGroup("/employer-invoices").WithTags("Gestion de contrats");
        var service = employers.MapGroup(string.Empty).RequireAuthorization(SecuritySetup.PayrollPolicy);
        var staff = employers.MapGroup(string.Empty).RequireAuthorization(SecuritySetup.StaffPolicy);
        SearchEmployers.Map(employers);
        CreateEmployer.Map(service);
        GetEmployer.Map(employers);
        UpdateEmployer.Map(service);
        SetEmployerStatus.Map(service);
        LinkEmployerUser.Map(service);
        SignMandate.Map(service);
        TerminateMandate.Map(service);
        GetMandatePdf.Map(employers);
        ServiceReport.Map(staff);
        ListStaffContracts.Map(employers);
        SubmitStaffContract.Map(employers);
        GetStaffContractPdf.Map(employers);
        ImportStaffContracts.Map(employers, api);
        GetStaffCertificatePdf.Map(employers);
        GetStaffDsn.Map(employers);
        FileStaffDsn.Map(employers);
        StaffTaxRates.Map(service);
        StaffBirthplaces.Map(service);
        ListStaffPayslips.Map(payslips);
        GetStaffPayslip.Map(payslips);
        ValidateStaffPayslip.Map(payslips.MapGroup(string.Empty).RequireAuthorization(SecuritySetup.PayrollPolicy));
        GetStaffPayslipPdf.Map(payslips);
        IssueEmployerInvoice.Map(service);
        ListEmployerInvoices.Map(invoices);
        GetEmployerInvoice.Map(invoices);
        GetEmployerInvoicePdf.Map(invoices);
        RecordEmployerPayment.Map(invoices.MapGroup(string.Empty).RequireAuthorization(SecuritySetup.FinancePolicy));
        CreditEmployerInvoice.Map(invoices.MapGroup(string.Empty).RequireAuthorization(SecuritySetup.PayrollPolicy));
        GetEmployerExposure.Map(invoices.MapGroup(string.Empty).RequireAuthorization(SecuritySetup.StaffPolicy));
    }
}
