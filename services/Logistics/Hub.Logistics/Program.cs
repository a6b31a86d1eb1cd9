using Hub.Logistics;
using Hub.Logistics.Data;
using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
var identity = builder.AddServiceDefaults("logistics");
builder.AddLogistics();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapLogisticsEndpoints(identity);

return await app.RunAsync<LogisticsDbContext>(args);
