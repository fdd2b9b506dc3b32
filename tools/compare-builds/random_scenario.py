#!/usr/bin/env python3
"""Prints a random valid scenario for comparing two builds of albsim (compare.sh).

Usage: random_scenario.py SEED > scenario.json. One to four ALBs on 7 s to 2 min grids, every
demand form but traces, growth, noise, cooldowns, launch delays, replacement, reclaim,
reservations, scenario events placed on, just before and just after grid points, random surges
and outages, 3 replications; standard library only.
"""
import json, random, sys
seed=int(sys.argv[1]); r=random.Random(seed)
def dur_ms(ms): return "%dms" % ms
grids=[7000,45000,60000,120000,30000]
H=r.choice([1,2,3,5])*86400000 + r.choice([0,1,59999,3600000])
pools=[{"id":"corp","source":"byoip","cidrs":["203.0.113.0/24"]},
       {"id":"p","parent":"corp","locale":"us-east-1","cidrs":["203.0.113.0/%d" % r.choice([27,28,29])]},
       {"id":"q","parent":"corp","locale":"us-east-1","cidrs":["203.0.113.128/%d" % r.choice([28,29,30])]},
       {"id":"blk","source":"amazon","locale":"us-east-1","netmask_length":r.choice([29,30])}]
lbs=[]
n=r.randint(1,4)
for i in range(n):
    g=r.choice(grids)
    kind=r.choice(["constant","steps","diurnal","diurnal"])
    if kind=="constant": d={"constant":r.uniform(0,200)}
    elif kind=="steps":
        t=0; st=[]
        for k in range(r.randint(1,6)):
            t+=r.randint(1,int(H/4)); st.append([dur_ms(t), r.uniform(0,300)])
        d={"steps":st}
    else: d={"diurnal":{"base":r.uniform(5,150),"amplitude":r.uniform(0,1),"peak_hour":r.uniform(0,23.9),"weekend_factor":r.uniform(0.2,1.2)}}
    if r.random()<0.5: d["growth_per_30d"]=r.uniform(-0.3,0.5)
    if r.random()<0.4: d["noise"]={"sigma":r.choice([0.05,0.1,0.3])}
    lb={"id":"lb%d"%i,"pool":r.choice(["p","q","blk",None]),"azs":["az1","az2","az3"][:r.choice([2,3])],
        "demand":d,"evaluation_interval":dur_ms(g),"scale_in_cooldown":dur_ms(r.choice([0,60000,90000,300000,900000])),
        "node_capacity_lcu":r.choice([10,25,40]),"max_nodes_per_az":r.choice([3,5,20]),
        "drain_time":dur_ms(r.choice([0,60000,300000]))}
    if lb["pool"] is None: del lb["pool"]
    if r.random()<0.5: lb["launch_delay"]={"uniform":["30s","3m"]} if r.random()<0.5 else "90s"
    if r.random()<0.5: lb["replacement"]={"mean":"%dh"%r.randint(2,30)} if r.random()<0.5 else {"every":"%dh"%r.randint(2,30)}
    if r.random()<0.3: lb["reclaim"]="replace"
    if r.random()<0.3: lb["capacity_reservation_lcu"]=r.uniform(0,100)
    lbs.append(lb)
ev=[]
for k in range(r.randint(0,10)):
    at=r.randint(0,H-1)
    lb=r.randrange(n)
    gms=json.loads(json.dumps(lbs[lb]["evaluation_interval"]))
    g=int(gms[:-2])
    if r.random()<0.5: at=(at//g)*g + r.choice([-1,0,1])
    at=max(0,min(H-1,at))
    t=r.choice(["surge","az_outage","maintenance","capacity_reservation","attach_pool"])
    e={"at":dur_ms(at),"type":t}
    if r.random()<0.7: e["lb"]="lb%d"%lb
    if t=="surge": e["multiplier"]=r.choice([0.5,2,3.7]); 
    if t in("surge","az_outage") and r.random()<0.8: e["duration"]=dur_ms(r.randint(1,int(H/3)))
    if t=="az_outage": e["az"]="az1"
    if t=="maintenance": e["fraction"]=r.choice([0.3,1])
    if t=="capacity_reservation": e["lcu"]=r.uniform(0,200)
    if t=="attach_pool": e["pool"]=r.choice(["p","q",None])
    ev.append(e)
re_=[]
if r.random()<0.5: re_.append({"type":"surge","rate_per_day":r.uniform(0.5,10),"multiplier":2,"duration":{"exponential":"20m"}})
if r.random()<0.3: re_.append({"type":"az_outage","rate_per_year":200,"duration":"30m"})
s={"name":"diff%d"%seed,"start":"2026-03-0%dT%02d:%02d:00Z"%(r.randint(1,9),r.randint(0,23),r.randint(0,59)),
   "horizon":dur_ms(H),"seed":seed,"replications":3,"pools":pools,"load_balancers":lbs,"events":ev,"random_events":re_}
print(json.dumps(s))
